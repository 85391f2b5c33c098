package io.strata.gold.vault;

import io.strata.common.iceberg.IcebergCatalogs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.types.Types;

/**
 * What the vault tables hold, each row as its column values in table order (timestamps as
 * Instants), comparable with the values of the rows' Avro records ({@link #values}); and each
 * table's current snapshot id (-1 for none), to tell whether a run wrote to it.
 */
public record VaultContent(
        Map<VaultTable, List<List<Object>>> rows, Map<VaultTable, Long> snapshots) {

    /** Every vault table as committed now. */
    public static VaultContent read(ReadableConfig config) {
        Catalog catalog = IcebergCatalogs.load(config);
        Map<VaultTable, List<List<Object>>> rows = new EnumMap<>(VaultTable.class);
        Map<VaultTable, Long> snapshots = new EnumMap<>(VaultTable.class);
        for (VaultTable t : VaultTable.values()) {
            Table table = catalog.loadTable(VaultTables.id(config, t));
            rows.put(t, rows(table));
            snapshots.put(
                    t, table.currentSnapshot() == null ? -1 : table.currentSnapshot().snapshotId());
        }
        return new VaultContent(rows, snapshots);
    }

    /** The column values of an Avro row of a vault table. */
    public static List<Object> values(SpecificRecordBase row) {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < row.getSchema().getFields().size(); i++) {
            values.add(row.get(i));
        }
        return values;
    }

    private static List<List<Object>> rows(Table table) {
        List<List<Object>> rows = new ArrayList<>();
        try (CloseableIterable<Record> records = IcebergGenerics.read(table).build()) {
            for (Record r : records) {
                List<Object> values = new ArrayList<>();
                // By the table's columns: a read that applies deletes adds _pos to each record.
                for (Types.NestedField column : table.schema().columns()) {
                    Object v = r.getField(column.name());
                    values.add(v instanceof OffsetDateTime t ? t.toInstant() : v);
                }
                rows.add(values);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
