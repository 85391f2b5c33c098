package io.strata.tools.summary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;

/** Row counts of an Iceberg table grouped by one column, read from the table's current snapshot. */
public final class IcebergCounts {

    private final Catalog catalog;
    private final Map<String, Counted> counted = new HashMap<>();

    public IcebergCounts(Catalog catalog) {
        this.catalog = catalog;
    }

    /** A table's count as of one snapshot (-1: none yet). */
    private record Counted(long snapshotId, long rows) {}

    /**
     * The table's row count (deletes applied), or empty when it does not exist yet. Counted again
     * only when the table has a new snapshot: counting scans the table.
     */
    public Optional<Long> rows(String table) {
        TableIdentifier id = TableIdentifier.parse(table);
        if (!catalog.tableExists(id)) {
            return Optional.empty();
        }
        Table t = catalog.loadTable(id);
        long snapshotId = t.currentSnapshot() == null ? -1 : t.currentSnapshot().snapshotId();
        Counted before = counted.get(table);
        if (before != null && before.snapshotId() == snapshotId) {
            return Optional.of(before.rows());
        }
        String firstColumn = t.schema().columns().get(0).name();
        long rows = 0;
        try (CloseableIterable<Record> records =
                IcebergGenerics.read(t).select(firstColumn).build()) {
            for (Record ignored : records) {
                rows++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + table, e);
        }
        counted.put(table, new Counted(snapshotId, rows));
        return Optional.of(rows);
    }

    /** Rows per value of {@code column}, or empty when the table does not exist yet. */
    public Optional<Map<String, Long>> countBy(String table, String column) {
        TableIdentifier id = TableIdentifier.parse(table);
        if (!catalog.tableExists(id)) {
            return Optional.empty();
        }
        Table t = catalog.loadTable(id);
        Map<String, Long> counts = new TreeMap<>();
        try (CloseableIterable<Record> rows = IcebergGenerics.read(t).select(column).build()) {
            for (Record row : rows) {
                Object value = row.getField(column);
                counts.merge(value == null ? "(null)" : value.toString(), 1L, Long::sum);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + table, e);
        }
        return Optional.of(counts);
    }
}
