package io.strata.common.kafka;

/** Where a job without restored state starts reading its input topics. */
public enum StartFrom {
    /** The group's committed offsets, the earliest offsets for partitions without any. */
    COMMITTED,
    EARLIEST,
    LATEST,
    /** The first record at or after an instant (Kafka's record timestamps), per partition. */
    TIMESTAMP,
    /** Given offsets per partition; partitions not named start at their earliest offset. */
    OFFSETS
}
