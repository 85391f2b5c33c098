package io.strata.common.checksum;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DeleteFile;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.PartitionKey;
import org.apache.iceberg.RowDelta;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.GenericAppenderFactory;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.deletes.EqualityDeleteWriter;
import org.apache.iceberg.deletes.PositionDelete;
import org.apache.iceberg.deletes.PositionDeleteWriter;
import org.apache.iceberg.encryption.EncryptedFiles;
import org.apache.iceberg.encryption.EncryptedOutputFile;
import org.apache.iceberg.io.DataWriter;
import org.apache.iceberg.types.TypeUtil;
import org.apache.iceberg.types.Types;

/**
 * Writes rows into an Iceberg table with Iceberg's generic writers, the way the jobs' upsert sinks
 * lay them out: one Parquet file per call, and upserts as an equality delete on the table's
 * identifier fields plus the new row in one commit.
 */
final class IcebergTestTables {

    private final Table table;
    private final String branch;

    private IcebergTestTables(Table table, String branch) {
        this.table = table;
        this.branch = branch;
    }

    static IcebergTestTables on(Table table) {
        return new IcebergTestTables(table, "main");
    }

    /** Writes to {@code branch}, which must exist. */
    IcebergTestTables onBranch(String name) {
        return new IcebergTestTables(table, name);
    }

    /** A row (or nested struct) of {@code struct}, its columns set from name/value pairs. */
    static Record row(Types.StructType struct, Object... namesAndValues) {
        Record row = GenericRecord.create(struct);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            row.setField((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return row;
    }

    /** Appends each group of rows as its own data file, all in one commit. */
    @SafeVarargs
    final void append(List<Record>... files) {
        var append = table.newAppend().toBranch(branch);
        for (List<Record> rows : files) {
            append.appendFile(dataFile(rows));
        }
        append.commit();
    }

    /** Replaces the rows with the same identifier as {@code rows} (one partition) by them. */
    void upsert(List<Record> rows) {
        RowDelta delta = table.newRowDelta().toBranch(branch);
        delta.addDeletes(equalityDeletes(rows));
        delta.addRows(dataFile(rows));
        delta.commit();
    }

    /**
     * Appends {@code rows} as one file and deletes the first {@code deleted} of them by position in
     * the same commit, as an upsert sink does for a key written twice in one checkpoint.
     */
    void appendWithPositionDeletes(List<Record> rows, int deleted) {
        DataFile file = dataFile(rows);
        PositionDeleteWriter<Record> writer =
                new GenericAppenderFactory(table.schema(), table.spec())
                        .newPosDeleteWriter(newFile(), FileFormat.PARQUET, partition(rows));
        try (writer) {
            for (int pos = 0; pos < deleted; pos++) {
                writer.write(PositionDelete.<Record>create().set(file.location(), pos, null));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        table.newRowDelta()
                .toBranch(branch)
                .addRows(file)
                .addDeletes(writer.toDeleteFile())
                .commit();
    }

    private DataFile dataFile(List<Record> rows) {
        DataWriter<Record> writer =
                new GenericAppenderFactory(table.schema(), table.spec())
                        .newDataWriter(newFile(), FileFormat.PARQUET, partition(rows));
        try (writer) {
            rows.forEach(writer::write);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return writer.toDataFile();
    }

    private DeleteFile equalityDeletes(List<Record> rows) {
        Schema schema = table.schema();
        Schema keys = TypeUtil.select(schema, schema.identifierFieldIds());
        int[] ids = schema.identifierFieldIds().stream().mapToInt(Integer::intValue).toArray();
        EqualityDeleteWriter<Record> writer =
                new GenericAppenderFactory(schema, table.spec(), ids, keys, null)
                        .newEqDeleteWriter(newFile(), FileFormat.PARQUET, partition(rows));
        try (writer) {
            for (Record row : rows) {
                writer.write(project(row, keys));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return writer.toDeleteFile();
    }

    /** {@code row} cut down to the (possibly nested) columns of {@code keys}. */
    private static Record project(Record row, Schema keys) {
        return project(row, keys.asStruct());
    }

    private static Record project(Record row, Types.StructType keys) {
        Record key = GenericRecord.create(keys);
        for (Types.NestedField column : keys.fields()) {
            Object value = row.getField(column.name());
            key.setField(
                    column.name(),
                    column.type().isStructType()
                            ? project((Record) value, column.type().asStructType())
                            : value);
        }
        return key;
    }

    private PartitionKey partition(List<Record> rows) {
        if (table.spec().isUnpartitioned()) {
            return null;
        }
        PartitionKey key = new PartitionKey(table.spec(), table.schema());
        key.partition(rows.get(0));
        return key;
    }

    private EncryptedOutputFile newFile() {
        String path = table.locationProvider().newDataLocation(UUID.randomUUID() + ".parquet");
        return EncryptedFiles.plainAsEncryptedOutput(table.io().newOutputFile(path));
    }
}
