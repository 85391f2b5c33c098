package io.strata.common.iceberg.maintenance;

import java.time.Clock;
import java.time.Duration;
import java.util.stream.StreamSupport;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.actions.RewriteDataFilesActionResult;
import org.apache.iceberg.flink.actions.Actions;

/**
 * Keeps an append-only table from piling up small files (every checkpoint commits some): compacts
 * data files per partition with Iceberg's Flink rewrite action, then expires old snapshots. Safe
 * while a streaming job appends: Iceberg's optimistic concurrency retries or rejects a conflicting
 * rewrite, never loses an append.
 */
public final class CompactAndExpire {

    private final MemorySize targetFileSize;
    private final Duration retention;
    private final int retainLast;
    private final Clock clock;

    public CompactAndExpire(
            MemorySize targetFileSize, Duration retention, int retainLast, Clock clock) {
        this.targetFileSize = targetFileSize;
        this.retention = retention;
        this.retainLast = retainLast;
        this.clock = clock;
    }

    /** What one maintenance pass did to a table. */
    public record Result(
            String table,
            int filesRewritten,
            int filesWritten,
            int snapshotsBefore,
            int snapshotsAfter) {

        @Override
        public String toString() {
            return String.format(
                    "%s: %d data files compacted into %d; snapshots %d -> %d",
                    table, filesRewritten, filesWritten, snapshotsBefore, snapshotsAfter);
        }
    }

    public Result run(StreamExecutionEnvironment env, Table table) {
        int snapshotsBefore = snapshotCount(table);
        RewriteDataFilesActionResult rewrite =
                Actions.forTable(env, table)
                        .rewriteDataFiles()
                        .targetSizeInBytes(targetFileSize.getBytes())
                        .execute();
        table.refresh();
        if (table.currentSnapshot() != null) {
            table.expireSnapshots()
                    .expireOlderThan(clock.millis() - retention.toMillis())
                    .retainLast(retainLast)
                    .cleanExpiredFiles(true)
                    .commit();
            table.refresh();
        }
        return new Result(
                table.name(),
                rewrite.deletedDataFiles().size(),
                rewrite.addedDataFiles().size(),
                snapshotsBefore,
                snapshotCount(table));
    }

    private static int snapshotCount(Table table) {
        Iterable<Snapshot> snapshots = table.snapshots();
        return (int) StreamSupport.stream(snapshots.spliterator(), false).count();
    }
}
