package io.strata.tools.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.model.Layer;
import io.strata.model.ops.ManifestRecord;
import io.strata.model.ops.ManifestStatus;
import io.strata.model.ops.QualityChecks;
import io.strata.tools.analysts.IcebergWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.hadoop.HadoopCatalog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --from manifest:<id>} on a real manifest table (quality-async's layout). */
class ManifestStartTest {

    private static final Instant T = Instant.parse("2026-11-21T09:00:00Z");

    @TempDir Path warehouse;
    private HadoopCatalog catalog;

    @BeforeEach
    void manifest() {
        catalog = new HadoopCatalog(new Configuration(), warehouse.toUri().toString());
        IcebergWriter iceberg = new IcebergWriter(catalog);
        iceberg.append(
                iceberg.create("ops.manifest", ManifestRecord.getClassSchema()),
                List.of(
                        window("BRONZE/acme/raw.webhooks/bronze-ingest:1", Layer.BRONZE, 0),
                        window("BRONZE/acme/raw.webhooks/bronze-ingest:2", Layer.BRONZE, 5),
                        window("BRONZE/globex/raw.webhooks/bronze-ingest:1", Layer.BRONZE, -60),
                        window(
                                "SILVER/acme/bronze.events/silver-conform:4",
                                Layer.SILVER,
                                7,
                                "BRONZE/acme/raw.webhooks/bronze-ingest:1",
                                "BRONZE/acme/raw.webhooks/bronze-ingest:2"),
                        window(
                                "GOLD/acme/silver/gold-features:9",
                                Layer.GOLD,
                                9,
                                "SILVER/acme/bronze.events/silver-conform:4")));
    }

    @Test
    void aWindowStartsWhereTheEarliestWindowItCountedStarted() {
        assertThat(start("BRONZE/acme/raw.webhooks/bronze-ingest:2"))
                .isEqualTo(T.plusSeconds(5 * 60));
        assertThat(start("SILVER/acme/bronze.events/silver-conform:4")).isEqualTo(T);
        assertThat(start("GOLD/acme/silver/gold-features:9"))
                .as("through Silver's lineage up to Bronze's windows, not another tenant's")
                .isEqualTo(T);
    }

    @Test
    void anUnknownRecordIsRefused() {
        assertThatThrownBy(() -> start("SILVER/acme/bronze.events/silver-conform:99"))
                .hasMessageContaining("no such record in ops.manifest");
        assertThatThrownBy(() -> ManifestStart.of(catalog, "ops.other", "x"))
                .hasMessageContaining("there is no manifest table ops.other");
    }

    private Instant start(String id) {
        return ManifestStart.of(catalog, "ops.manifest", id);
    }

    private static ManifestRecord window(String id, Layer layer, int minute, String... lineage) {
        return ManifestRecord.newBuilder()
                .setManifestId(id)
                .setTenantId(id.split("/")[1])
                .setSourceSystem("raw.webhooks")
                .setBatchId(id.substring(id.lastIndexOf('/') + 1))
                .setLayer(layer)
                .setJob("job")
                .setRecordCount(1)
                .setStartTime(T.plusSeconds(minute * 60L))
                .setEndTime(T.plusSeconds(minute * 60L + 59))
                .setStatus(ManifestStatus.COMPLETE)
                .setQualityChecks(
                        QualityChecks.newBuilder()
                                .setSchemaValid(true)
                                .setNullCheckPass(true)
                                .build())
                .setLineage(List.of(lineage))
                .setLineageCounts(List.of())
                .setKafkaOffsets(List.of())
                .setCreatedAt(T)
                .build();
    }
}
