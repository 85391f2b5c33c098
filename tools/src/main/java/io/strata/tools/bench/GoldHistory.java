package io.strata.tools.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;

/**
 * Gold's feature history as it stands (upserts applied): its rows up to an event time and the
 * latest {@code valid_from}, read in one scan of one column.
 */
record GoldHistory(long rows, Instant newest) {

    static final GoldHistory EMPTY = new GoldHistory(0, Instant.MIN);

    /** Counts the rows with {@code valid_from} at or before {@code upTo}. */
    static GoldHistory read(Optional<Table> table, Instant upTo) {
        if (table.isEmpty()) {
            return EMPTY;
        }
        long rows = 0;
        Instant newest = Instant.MIN;
        try (CloseableIterable<Record> records =
                IcebergGenerics.read(table.get()).select("valid_from").build()) {
            for (Record r : records) {
                Instant t = instant(r.getField("valid_from"));
                rows += t.isAfter(upTo) ? 0 : 1;
                newest = t.isAfter(newest) ? t : newest;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + table.get().name(), e);
        }
        return new GoldHistory(rows, newest);
    }

    /** Iceberg's generic reader gives timestamps with zone as {@link OffsetDateTime}. */
    static Instant instant(Object value) {
        return value instanceof OffsetDateTime o ? o.toInstant() : (Instant) value;
    }
}
