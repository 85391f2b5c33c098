package io.strata.workload.raw;

import io.strata.model.QuarantineReason;
import io.strata.workload.truth.TruthEvent;
import java.nio.charset.StandardCharsets;

/**
 * One record as produced to the raw topic, with what the generator intended for it: the truth event
 * it renders, and how it was damaged, duplicated or delayed. The oracle derives every expectation
 * from these facts plus the rules of each layer.
 *
 * @param position the record's place in the produced sequence (0, 1, ...)
 * @param key the Kafka key (the tenant id as written), null when the producer wrote no tenant
 * @param tenant who the record counts for: the key, or {@link RawTopics#UNATTRIBUTED}
 * @param eventId the envelope's event id, null when the record has none
 * @param fault why the record is broken, null for a valid record
 * @param copy whether this is the original or a re-sent copy
 * @param delay how the generator delayed the record
 */
public record RawRecord(
        long position,
        String topic,
        byte[] key,
        byte[] value,
        String tenant,
        String eventId,
        QuarantineReason fault,
        Copy copy,
        Delay delay,
        TruthEvent truth) {

    /** Original or re-sent. */
    public enum Copy {
        ORIGINAL,
        /** The exact same bytes sent again. */
        EXACT_DUPLICATE,
        /** The same event id sent again with different bytes (same content). */
        REENCODED_DUPLICATE
    }

    /** How the record was delayed relative to its event time. */
    public enum Delay {
        ON_TIME,
        /** Delayed by at most the max out-of-orderness. */
        OUT_OF_ORDER,
        /** Delayed by 2-3x the allowed lateness. */
        LATE
    }

    public boolean isDuplicate() {
        return copy != Copy.ORIGINAL;
    }

    /** The event time the envelope carries (the truth's). */
    public long eventTime() {
        return truth.eventTime();
    }

    /** The value as text (for tests and logs; invalid UTF-8 shows as replacement characters). */
    public String valueText() {
        return new String(value, StandardCharsets.UTF_8);
    }
}
