package io.strata.gold.features;

import java.math.BigDecimal;
import java.util.Comparator;

/**
 * v2 (upgrade-test fixture): v1 plus {@link #currency}. Versions restored from v1 have it null.
 *
 * <p>v1: One Silver version of an order, support ticket or return, reduced to what the features
 * read. A Flink POJO, kept in keyed state: new fields need defaults so savepoints stay readable.
 */
public class EntityVersion {

    /** Versions of one entity in sequence: event time, then source position. */
    public static final Comparator<EntityVersion> SEQUENCE =
            Comparator.<EntityVersion>comparingLong(v -> v.eventTime)
                    .thenComparing(v -> v.sourcePosition, SourcePosition.ORDER);

    public InputKind kind;

    /** The business key: order key, ticket key or return key. */
    public String key;

    /** {@code meta.event_time}, epoch milliseconds. */
    public long eventTime;

    /** {@code meta.source_position}, the tie-break between versions of one event time. */
    public String sourcePosition;

    /** {@code meta.deleted}: an order so deleted is cancelled. */
    public boolean deleted;

    /** The entity's customer in this version; a delete may carry none. */
    public String customerKey;

    /**
     * {@code order_time} of an order, {@code return_time} of a return (epoch ms); 0 for tickets.
     */
    public long businessTime;

    /** {@code total_amount} of an order (scale 2), null when it has none and for the others. */
    public BigDecimal amount;

    /** New in v2: {@code currency} of an order, null for the others. */
    public String currency;

    /** {@code status} of a ticket ({@code open} or {@code closed}), null for the others. */
    public String status;

    public EntityVersion() {}

    /** The entity this is a version of, unique within a tenant. */
    public String entity() {
        return kind.name() + '|' + key;
    }

    /**
     * The version's identity: the same version read twice has the same id. The key comes last and
     * nothing before it contains {@code |}, so ids of different versions never collide.
     */
    public String id() {
        return kind.name() + '|' + eventTime + '|' + sourcePosition + '|' + key;
    }

    /** Whether this version makes the entity count for {@code customer}. */
    public boolean isLiveFor(String customer) {
        return !deleted && customer.equals(customerKey);
    }

    @Override
    public String toString() {
        return kind
                + " "
                + key
                + (deleted ? " deleted@" : "@")
                + eventTime
                + " "
                + sourcePosition
                + " customer "
                + customerKey;
    }
}
