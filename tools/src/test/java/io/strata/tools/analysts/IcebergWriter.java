package io.strata.tools.analysts;

import io.strata.common.iceberg.AvroIcebergSchemas;
import io.strata.common.iceberg.IcebergTables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;
import org.apache.flink.configuration.MemorySize;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.PartitionKey;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.GenericAppenderFactory;
import org.apache.iceberg.data.InternalRecordWrapper;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.encryption.EncryptedFiles;
import org.apache.iceberg.io.DataWriter;
import org.apache.iceberg.io.OutputFile;

/**
 * Creates tables in the stack's Iceberg catalog and appends known rows to them. A table's columns
 * come from its model class through {@link AvroIcebergSchemas}, as every job derives its tables
 * (SilverTables, VaultTables, FeatureTables, OpsTables); quarantine tables are created by the jobs'
 * shared {@link IcebergTables#quarantine}. The jobs' identifier fields and partitioning, which live
 * in the job modules, are not repeated here: whether Flink SQL can read a job's layout at all is
 * the job module's test (e.g. silver-conform's SilverTablesSqlTest), what the queries return is
 * this one's.
 */
public final class IcebergWriter {

    private static final MemorySize FILE_SIZE = MemorySize.parse("128mb");

    private final Catalog catalog;

    public IcebergWriter(Catalog catalog) {
        this.catalog = catalog;
    }

    /** Creates {@code table} (namespace.name) with the columns of the Avro class {@code rows}. */
    public Table create(String table, Schema rows) {
        return IcebergTables.createOrEvolve(
                catalog,
                TableIdentifier.parse(table),
                AvroIcebergSchemas.toIceberg(rows),
                s -> PartitionSpec.unpartitioned(),
                IcebergTables.standardProperties(FILE_SIZE));
    }

    /** Creates a layer's quarantine table as the jobs do. */
    Table createQuarantine(String table) {
        return IcebergTables.quarantine(catalog, TableIdentifier.parse(table), FILE_SIZE);
    }

    /** Appends {@code rows} in one commit, one Parquet file per partition. */
    public void append(Table table, List<? extends IndexedRecord> rows) {
        Map<PartitionKey, List<Record>> byPartition = new LinkedHashMap<>();
        PartitionKey key = new PartitionKey(table.spec(), table.schema());
        InternalRecordWrapper wrapper = new InternalRecordWrapper(table.schema().asStruct());
        for (IndexedRecord avro : rows) {
            Record row = IcebergRecords.of(table.schema().asStruct(), avro);
            key.partition(wrapper.wrap(row));
            byPartition.computeIfAbsent(key.copy(), k -> new java.util.ArrayList<>()).add(row);
        }
        AppendFiles append = table.newAppend();
        byPartition.forEach(
                (partition, records) -> append.appendFile(write(table, partition, records)));
        append.commit();
    }

    private static org.apache.iceberg.DataFile write(
            Table table, PartitionKey partition, List<Record> records) {
        PartitionKey target = table.spec().isUnpartitioned() ? null : partition;
        String name = UUID.randomUUID() + ".parquet";
        OutputFile file =
                table.io()
                        .newOutputFile(
                                target == null
                                        ? table.locationProvider().newDataLocation(name)
                                        : table.locationProvider()
                                                .newDataLocation(table.spec(), target, name));
        DataWriter<Record> writer =
                new GenericAppenderFactory(table.schema(), table.spec())
                        .newDataWriter(
                                EncryptedFiles.plainAsEncryptedOutput(file),
                                FileFormat.PARQUET,
                                target);
        try (writer) {
            records.forEach(writer::write);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return writer.toDataFile();
    }
}
