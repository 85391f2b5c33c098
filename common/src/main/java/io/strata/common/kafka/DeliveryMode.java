package io.strata.common.kafka;

import org.apache.flink.connector.base.DeliveryGuarantee;

/**
 * How records reach the topics between jobs. {@link #EXACTLY_ONCE}: transactional, visible to
 * {@code read_committed} consumers when the writing job's checkpoint completes (about one
 * checkpoint interval per hop). {@link #AT_LEAST_ONCE}: visible at once, duplicates possible after
 * a restart, so every consumer must be idempotent by event id.
 */
public enum DeliveryMode {
    EXACTLY_ONCE(DeliveryGuarantee.EXACTLY_ONCE),
    AT_LEAST_ONCE(DeliveryGuarantee.AT_LEAST_ONCE);

    private final DeliveryGuarantee guarantee;

    DeliveryMode(DeliveryGuarantee guarantee) {
        this.guarantee = guarantee;
    }

    public DeliveryGuarantee guarantee() {
        return guarantee;
    }
}
