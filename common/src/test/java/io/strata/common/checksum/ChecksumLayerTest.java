package io.strata.common.checksum;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.common.config.OptionsDoc;
import io.strata.common.iceberg.AvroIcebergSchemas;
import io.strata.model.bronze.BronzeEvent;
import io.strata.model.gold.CustomerFeatures;
import io.strata.model.gold.HubCustomer;
import io.strata.model.gold.HubOrder;
import io.strata.model.gold.HubProduct;
import io.strata.model.gold.LinkCustomerOrder;
import io.strata.model.gold.LinkOrderProduct;
import io.strata.model.gold.SatCustomerDetails;
import io.strata.model.gold.SatOrderHeader;
import io.strata.model.gold.SatProductDetails;
import io.strata.model.ops.Alert;
import io.strata.model.ops.ManifestRecord;
import io.strata.model.ops.QualityResult;
import io.strata.model.ops.QuarantineRecord;
import io.strata.model.silver.Customer;
import io.strata.model.silver.Invoice;
import io.strata.model.silver.Order;
import io.strata.model.silver.OrderLine;
import io.strata.model.silver.Product;
import io.strata.model.silver.ProductReturn;
import io.strata.model.silver.Shipment;
import io.strata.model.silver.SupportTicket;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class ChecksumLayerTest {

    private static final List<Schema> SILVER_ENTITIES =
            List.of(
                    Customer.getClassSchema(),
                    Product.getClassSchema(),
                    Order.getClassSchema(),
                    OrderLine.getClassSchema(),
                    Invoice.getClassSchema(),
                    Shipment.getClassSchema(),
                    SupportTicket.getClassSchema(),
                    ProductReturn.getClassSchema());

    /** Every table row type of each layer (the tables' schemas derive from these). */
    private static final Map<ChecksumLayer, List<Schema>> ROW_TYPES =
            Map.of(
                    ChecksumLayer.BRONZE,
                    List.of(BronzeEvent.getClassSchema(), QuarantineRecord.getClassSchema()),
                    ChecksumLayer.SILVER,
                    concat(SILVER_ENTITIES, QuarantineRecord.getClassSchema()),
                    ChecksumLayer.GOLD,
                    List.of(
                            HubCustomer.getClassSchema(),
                            HubProduct.getClassSchema(),
                            HubOrder.getClassSchema(),
                            LinkCustomerOrder.getClassSchema(),
                            LinkOrderProduct.getClassSchema(),
                            SatCustomerDetails.getClassSchema(),
                            SatProductDetails.getClassSchema(),
                            SatOrderHeader.getClassSchema(),
                            CustomerFeatures.getClassSchema(),
                            QuarantineRecord.getClassSchema()),
                    ChecksumLayer.OPS,
                    List.of(
                            ManifestRecord.getClassSchema(),
                            Alert.getClassSchema(),
                            QualityResult.getClassSchema(),
                            QuarantineRecord.getClassSchema()));

    @Test
    void eachExcludedColumnIsExactlyTheProcessingTimeOrLineageOfTheseRowTypes() {
        // An excluded path applies to every table of its layer that has it: this pins down which
        // those are, so that a new column of the same name cannot silently drop out of checksums.
        assertThat(whereFound(ChecksumLayer.BRONZE))
                .isEqualTo(
                        Map.of(
                                "ingest_time", List.of("BronzeEvent"),
                                "manifest_id", List.of("BronzeEvent"),
                                "quarantined_at", List.of("QuarantineRecord")));
        assertThat(whereFound(ChecksumLayer.SILVER))
                .isEqualTo(
                        Map.of(
                                "meta.processed_at", names(SILVER_ENTITIES),
                                "meta.manifest_id", names(SILVER_ENTITIES),
                                "quarantined_at", List.of("QuarantineRecord")));
        assertThat(whereFound(ChecksumLayer.GOLD))
                .isEqualTo(
                        Map.of(
                                "computed_at", List.of("CustomerFeatures"),
                                "quarantined_at", List.of("QuarantineRecord")));
        assertThat(whereFound(ChecksumLayer.OPS))
                .isEqualTo(
                        Map.of(
                                "created_at", List.of("ManifestRecord"),
                                "manifest_ids", List.of("Alert", "QualityResult"),
                                "quarantined_at", List.of("QuarantineRecord")));
    }

    @Test
    void theExcludedColumnsAreDocumented() {
        StringBuilder md =
                new StringBuilder(
                        "| layer | column | why it differs between a run and a replay |\n");
        md.append("|---|---|---|\n");
        for (ChecksumLayer layer : ChecksumLayer.values()) {
            for (ChecksumLayer.ExcludedColumn c : layer.excluded()) {
                md.append("| ")
                        .append(layer.cliName())
                        .append(" | `")
                        .append(c.path())
                        .append("` | ")
                        .append(c.reason())
                        .append(" |\n");
            }
        }
        OptionsDoc.verifySection(
                Path.of("../docs/checksum.md"), "checksum-exclusions", md.toString());
    }

    @Test
    void layersAreNamedAsOnTheCommandLine() {
        assertThat(ChecksumLayer.of("Silver")).contains(ChecksumLayer.SILVER);
        assertThat(ChecksumLayer.of("ops")).contains(ChecksumLayer.OPS);
        assertThat(ChecksumLayer.of("silver.customer")).isEmpty();
    }

    private static Map<String, List<String>> whereFound(ChecksumLayer layer) {
        Map<String, List<String>> found = new LinkedHashMap<>();
        for (String path : layer.excludedPaths()) {
            found.put(
                    path,
                    ROW_TYPES.get(layer).stream()
                            .filter(s -> AvroIcebergSchemas.toIceberg(s).findField(path) != null)
                            .map(Schema::getName)
                            .toList());
        }
        return found;
    }

    private static List<String> names(List<Schema> schemas) {
        return schemas.stream().map(Schema::getName).toList();
    }

    private static List<Schema> concat(List<Schema> schemas, Schema one) {
        return java.util.stream.Stream.concat(schemas.stream(), java.util.stream.Stream.of(one))
                .toList();
    }
}
