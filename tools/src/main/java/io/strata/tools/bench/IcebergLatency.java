package io.strata.tools.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;

/**
 * Event produced → visible in Iceberg: for each commit (snapshot) of a pipeline's output table, the
 * rows it appended, each paired by its source partition and offset with when the record was
 * produced. A row is visible from its snapshot's commit time on.
 */
final class IcebergLatency {

    /** Where a row names its source record: Strata's nested {@code source}, or flat columns. */
    record SourceColumns(
            List<String> select, ToIntFunction<Record> partition, ToLongFunction<Record> offset) {

        static final SourceColumns STRATA =
                new SourceColumns(
                        List.of("source"),
                        r -> (Integer) ((Record) r.getField("source")).getField("partition"),
                        r -> (Long) ((Record) r.getField("source")).getField("offset"));

        static final SourceColumns BASELINE =
                new SourceColumns(
                        List.of("kafka_partition", "kafka_offset"),
                        r -> (Integer) r.getField("kafka_partition"),
                        r -> (Long) r.getField("kafka_offset"));
    }

    private IcebergLatency() {}

    static Latencies of(Table table, SourceColumns columns, ProduceTimes produced) {
        long[] latencies = new long[16_384];
        int n = 0;
        for (Snapshot snapshot : table.snapshots()) {
            IcebergGenerics.ScanBuilder scan = IcebergGenerics.read(table).select(columns.select());
            scan =
                    snapshot.parentId() == null
                            ? scan.useSnapshot(snapshot.snapshotId())
                            : scan.appendsBetween(snapshot.parentId(), snapshot.snapshotId());
            try (CloseableIterable<Record> rows = scan.build()) {
                for (Record row : rows) {
                    long at =
                            produced.at(
                                    columns.partition().applyAsInt(row),
                                    columns.offset().applyAsLong(row));
                    if (at > 0) {
                        if (n == latencies.length) {
                            latencies = Arrays.copyOf(latencies, n * 2);
                        }
                        latencies[n++] = snapshot.timestampMillis() - at;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read " + table.name(), e);
            }
        }
        return Latencies.of(Arrays.copyOf(latencies, n));
    }
}
