package io.strata.bronze.parse;

import io.strata.model.QuarantineReason;
import java.time.Duration;
import java.time.Instant;

/**
 * Refuses event times no real event has: before 1970 (the platform's and Kafka's clocks start
 * there) or further ahead of the ingest time than producers' clocks drift. One event from year 9999
 * would carry its partition's watermark there and make every later event late; one from year
 * 1,000,000 would not even fit the microseconds Iceberg stores.
 */
final class EventTimeRange {

    private EventTimeRange() {}

    /** {@code envelope}, or the refusal of its event time. */
    static EnvelopeRead check(Envelope envelope, Instant ingestTime, Duration maxAhead) {
        Instant time = envelope.eventTime();
        Instant latest = ingestTime.plus(maxAhead);
        if (!time.isBefore(Instant.EPOCH) && !time.isAfter(latest)) {
            return envelope;
        }
        // The time itself stays out of the row: it may not fit Avro's timestamp-millis.
        return new Refusal(
                QuarantineReason.EVENT_TIME_OUT_OF_RANGE,
                "event_time "
                        + time
                        + " is outside ["
                        + Instant.EPOCH
                        + ", ingest time + "
                        + maxAhead
                        + " = "
                        + latest
                        + "]",
                envelope.tenantId(),
                envelope.eventId(),
                envelope.recordType(),
                envelope.schemaVersion(),
                null);
    }
}
