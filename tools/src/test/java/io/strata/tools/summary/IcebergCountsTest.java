package io.strata.tools.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.tools.analysts.IcebergWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.hadoop.HadoopCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Row counts that scan a table only when it has a new snapshot. */
class IcebergCountsTest {

    private static final Schema ROW =
            SchemaBuilder.record("Row").namespace("test").fields().requiredString("k").endRecord();

    @TempDir Path warehouse;

    @Test
    void aTableIsScannedAgainOnlyWhenItHasANewSnapshot() throws Exception {
        HadoopCatalog catalog =
                new HadoopCatalog(new Configuration(), warehouse.toUri().toString());
        IcebergWriter writer = new IcebergWriter(catalog);
        IcebergCounts counts = new IcebergCounts(catalog);
        assertThat(counts.rows("ns.t")).isEmpty();
        writer.create("ns.t", ROW);
        assertThat(counts.rows("ns.t")).contains(0L);

        writer.append(table(catalog), List.of(row("a"), row("b")));
        assertThat(counts.rows("ns.t")).contains(2L);

        // The data file gone behind Iceberg's back: a scan would fail, the same snapshot is not
        // scanned again.
        deleteDataFiles();
        assertThat(counts.rows("ns.t")).contains(2L);

        writer.append(table(catalog), List.of(row("c")));
        assertThatThrownBy(() -> counts.rows("ns.t"))
                .as("a new snapshot is scanned (its first file is gone)")
                .isNotNull();
    }

    private static Table table(HadoopCatalog catalog) {
        return catalog.loadTable(TableIdentifier.parse("ns.t"));
    }

    private void deleteDataFiles() throws Exception {
        try (Stream<Path> files = Files.walk(warehouse.resolve("ns/t/data"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.delete(f);
            }
        }
    }

    private static GenericRecord row(String k) {
        GenericRecord r = new GenericData.Record(ROW);
        r.put("k", k);
        return r;
    }
}
