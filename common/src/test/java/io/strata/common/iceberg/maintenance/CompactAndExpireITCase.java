package io.strata.common.iceberg.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.testing.FlinkMiniCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.GenericAppenderFactory;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.encryption.EncryptedFiles;
import org.apache.iceberg.hadoop.HadoopCatalog;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.DataWriter;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class CompactAndExpireITCase {

    @RegisterExtension static final MiniClusterExtension FLINK = FlinkMiniCluster.extension();

    private static final Schema SCHEMA =
            new Schema(
                    Types.NestedField.required(1, "id", Types.LongType.get()),
                    Types.NestedField.required(2, "tenant_id", Types.StringType.get()));

    @TempDir Path warehouse;

    @Test
    void compactsSmallFilesKeepsEveryRowAndExpiresOldSnapshots() throws IOException {
        HadoopCatalog catalog =
                new HadoopCatalog(new Configuration(), warehouse.toUri().toString());
        catalog.createNamespace(Namespace.of("bronze"));
        Table table =
                catalog.createTable(
                        TableIdentifier.of("bronze", "events"),
                        SCHEMA,
                        PartitionSpec.unpartitioned(),
                        Map.of("format-version", "2"));
        List<Long> written = new ArrayList<>();
        for (int commit = 0; commit < 8; commit++) {
            written.addAll(appendSmallFile(table, commit * 100L, 100));
        }
        List<Path> smallFiles = parquetFilesOnDisk();
        assertThat(dataFiles(table)).isEqualTo(8);

        CompactAndExpire maintenance =
                new CompactAndExpire(
                        MemorySize.parse("128mb"), Duration.ZERO, 1, Clock.systemUTC());
        CompactAndExpire.Result result = maintenance.run(batchEnv(), table);

        table.refresh();
        assertThat(result.filesRewritten()).isEqualTo(8);
        assertThat(result.filesWritten()).isEqualTo(1);
        assertThat(dataFiles(table)).isEqualTo(1);
        assertThat(ids(table)).containsExactlyInAnyOrderElementsOf(written);
        assertThat(result.snapshotsBefore()).isEqualTo(8);
        assertThat(result.snapshotsAfter()).isEqualTo(1);

        // The compacted-away files stay readable until the snapshot that replaced them expires
        // (time travel); the next pass removes them from storage, not only from the metadata.
        written.addAll(appendSmallFile(table, 800L, 100));
        maintenance.run(batchEnv(), table);
        table.refresh();
        assertThat(parquetFilesOnDisk()).doesNotContainAnyElementsOf(smallFiles);
        assertThat(ids(table)).containsExactlyInAnyOrderElementsOf(written);
    }

    private static StreamExecutionEnvironment batchEnv() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        return env;
    }

    private static List<Long> appendSmallFile(Table table, long firstId, int rows)
            throws IOException {
        String path = table.locationProvider().newDataLocation("part-" + firstId + ".parquet");
        DataWriter<Record> writer =
                new GenericAppenderFactory(table.schema(), table.spec())
                        .newDataWriter(
                                EncryptedFiles.plainAsEncryptedOutput(
                                        table.io().newOutputFile(path)),
                                FileFormat.PARQUET,
                                null);
        List<Long> ids = new ArrayList<>();
        try (writer) {
            for (long id = firstId; id < firstId + rows; id++) {
                GenericRecord record = GenericRecord.create(SCHEMA);
                record.setField("id", id);
                record.setField("tenant_id", "acme");
                writer.write(record);
                ids.add(id);
            }
        }
        DataFile file = writer.toDataFile();
        table.newAppend().appendFile(file).commit();
        return ids;
    }

    private static int dataFiles(Table table) throws IOException {
        int files = 0;
        try (var tasks = table.newScan().planFiles()) {
            for (var ignored : tasks) {
                files++;
            }
        }
        return files;
    }

    private static List<Long> ids(Table table) throws IOException {
        List<Long> ids = new ArrayList<>();
        try (CloseableIterable<Record> rows = IcebergGenerics.read(table).build()) {
            rows.forEach(r -> ids.add((Long) r.getField("id")));
        }
        return ids;
    }

    private List<Path> parquetFilesOnDisk() throws IOException {
        try (Stream<Path> files = Files.walk(warehouse)) {
            return files.filter(p -> p.toString().endsWith(".parquet")).toList();
        }
    }
}
