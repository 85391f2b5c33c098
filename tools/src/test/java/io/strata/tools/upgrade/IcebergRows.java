package io.strata.tools.upgrade;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.io.CloseableIterable;

/** The rows of an Iceberg table a filter selects, read with Iceberg's generic reader. */
final class IcebergRows {

    private IcebergRows() {}

    /** The rows of the table's current snapshot; none while it has no snapshot. */
    static List<Record> read(Table table, Expression filter) {
        table.refresh();
        return table.currentSnapshot() == null
                ? List.of()
                : read(table, table.currentSnapshot().snapshotId(), filter);
    }

    /** The rows of {@code snapshotId}. */
    static List<Record> read(Table table, long snapshotId, Expression filter) {
        List<Record> rows = new ArrayList<>();
        try (CloseableIterable<Record> matching =
                IcebergGenerics.read(table).useSnapshot(snapshotId).where(filter).build()) {
            for (Record row : matching) {
                rows.add(row.copy());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** A {@code timestamptz} or {@code timestamp} (UTC) value as an instant; null stays null. */
    static Instant instant(Object value) {
        if (value instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        return value == null ? null : ((LocalDateTime) value).toInstant(ZoneOffset.UTC);
    }
}
