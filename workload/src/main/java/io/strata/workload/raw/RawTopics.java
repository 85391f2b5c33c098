package io.strata.workload.raw;

import org.apache.kafka.common.utils.Utils;

/**
 * The raw topic every producer writes to. One topic for all tenants (webhook gateway style): the
 * Kafka key is the tenant id the producer wrote, so each tenant's records stay in order on one
 * partition, which keeps ordering and lateness per tenant well defined.
 */
public final class RawTopics {

    /** All tenants' webhook and API events, one JSON envelope per record. */
    public static final String WEBHOOKS = "raw.webhooks";

    /**
     * The tenant a record counts for when the key is null (its producer wrote no tenant). The
     * oracle's per-tenant identities use this name for such records.
     */
    public static final String UNATTRIBUTED = "_unattributed";

    private RawTopics() {}

    /** The partition Kafka's default partitioner gives a keyed record (murmur2 of the key). */
    public static int partitionOf(byte[] key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key)) % partitions;
    }
}
