package io.strata.bronze.parse;

import io.strata.model.bronze.BronzeEvent;
import io.strata.model.ops.QuarantineRecord;

/** What became of one raw record: accepted into Bronze, refused into quarantine, or skipped. */
public sealed interface ParseResult {

    /** A well-formed event for Bronze (before deduplication). */
    record Accepted(BronzeEvent event) implements ParseResult {}

    /** A refused record with its reason. */
    record Refused(QuarantineRecord quarantine) implements ParseResult {}

    /**
     * A Kafka tombstone (null value) on a compacted CDC topic: it carries no event (the delete
     * before it does), so it is counted and skipped.
     */
    record Tombstone() implements ParseResult {}
}
