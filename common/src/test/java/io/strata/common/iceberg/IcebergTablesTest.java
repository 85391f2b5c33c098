package io.strata.common.iceberg;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.hadoop.HadoopCatalog;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IcebergTablesTest {

    private static final TableIdentifier ID = TableIdentifier.of("bronze", "events");
    private static final Schema V1 =
            new Schema(
                    Types.NestedField.required(1, "tenant_id", Types.StringType.get()),
                    Types.NestedField.required(2, "ingest_time", Types.TimestampType.withZone()));
    private static final Schema V2 =
            new Schema(
                    Types.NestedField.required(1, "tenant_id", Types.StringType.get()),
                    Types.NestedField.required(2, "ingest_time", Types.TimestampType.withZone()),
                    Types.NestedField.required(3, "late", Types.BooleanType.get()));

    @TempDir Path warehouse;

    @Test
    void createsOnceThenAddsNewColumnsAndSetsProperties() {
        HadoopCatalog catalog =
                new HadoopCatalog(new Configuration(), warehouse.toUri().toString());

        Table created =
                IcebergTables.createOrEvolve(
                        catalog,
                        ID,
                        V1,
                        IcebergTablesTest::byDayAndTenant,
                        Map.of("format-version", "2", "write.target-file-size-bytes", "1000"));
        Table evolved =
                IcebergTables.createOrEvolve(
                        catalog,
                        ID,
                        V2,
                        IcebergTablesTest::byDayAndTenant,
                        Map.of("format-version", "2", "write.target-file-size-bytes", "2000"));

        assertThat(created.spec().fields()).hasSize(2);
        assertThat(evolved.schema().findField("late").isOptional())
                .as("columns added to an existing table are optional")
                .isTrue();
        assertThat(evolved.properties()).containsEntry("write.target-file-size-bytes", "2000");
        assertThat(evolved.history()).isEmpty();
    }

    private static PartitionSpec byDayAndTenant(Schema s) {
        return PartitionSpec.builderFor(s).day("ingest_time").identity("tenant_id").build();
    }
}
