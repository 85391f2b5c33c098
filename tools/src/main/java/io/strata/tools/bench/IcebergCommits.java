package io.strata.tools.bench;

import java.util.Map;
import java.util.Optional;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotSummary;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;

/**
 * The commits (snapshots) of an append-only Iceberg table, read from snapshot summaries: no data
 * file is opened, so watching a table while a pipeline writes it costs the pipeline nothing.
 */
final class IcebergCommits {

    /**
     * The first commit at which the table held at least the rows asked for.
     *
     * @param committedAt the commit's time (epoch millis, the snapshot's timestamp)
     * @param rows the table's rows at that commit
     * @param commits snapshots up to and including it
     * @param dataFiles data files they added
     * @param dataBytes bytes of those files
     */
    record Reached(long committedAt, long rows, long commits, long dataFiles, long dataBytes) {}

    private final Catalog catalog;

    IcebergCommits(Catalog catalog) {
        this.catalog = catalog;
    }

    /** Rows of the table's current snapshot; 0 when the table or a snapshot does not exist yet. */
    long rows(String table) {
        return current(table)
                .map(s -> summaryLong(s.summary(), SnapshotSummary.TOTAL_RECORDS_PROP))
                .orElse(0L);
    }

    /** The first commit holding {@code rows} rows, if the table has reached them. */
    Optional<Reached> reached(String table, long rows) {
        Optional<Table> loaded = load(table);
        if (loaded.isEmpty()) {
            return Optional.empty();
        }
        long commits = 0;
        long files = 0;
        long bytes = 0;
        // Snapshots are listed in commit order; an append-only table only ever grows.
        for (Snapshot snapshot : loaded.get().snapshots()) {
            Map<String, String> summary = snapshot.summary();
            commits++;
            files += summaryLong(summary, SnapshotSummary.ADDED_FILES_PROP);
            bytes += summaryLong(summary, SnapshotSummary.ADDED_FILE_SIZE_PROP);
            long total = summaryLong(summary, SnapshotSummary.TOTAL_RECORDS_PROP);
            if (total >= rows) {
                return Optional.of(
                        new Reached(snapshot.timestampMillis(), total, commits, files, bytes));
            }
        }
        return Optional.empty();
    }

    void drop(String table) {
        catalog.dropTable(TableIdentifier.parse(table), true);
    }

    private Optional<Snapshot> current(String table) {
        return load(table).map(Table::currentSnapshot);
    }

    Optional<Table> load(String table) {
        TableIdentifier id = TableIdentifier.parse(table);
        if (!catalog.tableExists(id)) {
            return Optional.empty();
        }
        return Optional.of(catalog.loadTable(id));
    }

    private static long summaryLong(Map<String, String> summary, String key) {
        try {
            return Long.parseLong(summary.getOrDefault(key, "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
