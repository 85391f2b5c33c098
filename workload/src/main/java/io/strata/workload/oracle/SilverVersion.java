package io.strata.workload.oracle;

import io.strata.workload.oracle.SilverRows.Row;
import java.time.Instant;

/**
 * One row version silver-conform publishes on its entity's topic: the row, and the lineage that
 * orders versions ({@code meta.event_time}, {@code meta.source_position}) and marks deletes ({@code
 * meta.deleted}). A delete's row holds the key and, like silver-conform's tombstones, zeros in the
 * columns that cannot be null (e.g. an order's {@code order_time} is the epoch) and nulls
 * elsewhere.
 *
 * @param position the place of the Bronze record in the produced stream (what the {@link Oracle}
 *     passes its sinks); orders versions with equal event times
 */
public record SilverVersion(Row row, Instant eventTime, long position, boolean deleted) {

    public SilverEntity entity() {
        return row.entity();
    }

    public String tenant() {
        return row.tenantId();
    }

    /** The business key, a composite key's parts joined by {@code |}. */
    public String key() {
        return row.key();
    }

    /** The Kafka key of the Silver topic: {@code tenant|business key}. */
    public String kafkaKey() {
        return row.tenantId() + '|' + row.key();
    }

    /**
     * A {@code meta.source_position} for this version ({@code topic/partition/offset}) whose offset
     * is the position, zero-padded so that text order and numeric order agree.
     */
    public String sourcePosition() {
        return String.format("workload/0/%019d", position);
    }

    /** Whether this version comes after {@code other}: by event time, then position. */
    public boolean isNewerThan(SilverVersion other) {
        int byTime = eventTime.compareTo(other.eventTime);
        return byTime != 0 ? byTime > 0 : position > other.position;
    }
}
