package io.strata.gold.features;

import io.strata.common.quarantine.UnreadableRecords;
import io.strata.model.Layer;
import io.strata.model.QuarantineReason;
import io.strata.model.SourceCoordinates;
import io.strata.model.SourceKind;
import io.strata.model.ops.QuarantineRecord;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;

/**
 * Quarantine rows for versions that came too late to change the features ({@code
 * LATE_BEYOND_TOLERANCE}): the Silver row in Avro's single-object encoding as {@code raw}, its
 * Silver entity as the record type, and its Bronze reference (source event id and the Kafka
 * coordinates of {@code meta.source_position}) for reprocessing.
 */
final class LateEvents {

    private LateEvents() {}

    static QuarantineRecord quarantine(
            String job, CustomerEvent e, long watermark, Duration allowedLateness, Instant now) {
        EntityVersion v = e.version;
        SourcePosition position = SourcePosition.parse(v.sourcePosition);
        return new QuarantineRecord(
                Layer.GOLD,
                job,
                QuarantineReason.LATE_BEYOND_TOLERANCE,
                String.format(
                        "%s %s at %s is more than %s behind the watermark %s: not applied to the"
                                + " features of customer %s",
                        v.kind.entityName(),
                        v.key,
                        Instant.ofEpochMilli(v.eventTime),
                        allowedLateness,
                        Instant.ofEpochMilli(watermark),
                        e.customer),
                e.tenant,
                e.sourceEventId,
                v.kind.entityName(),
                e.schemaVersion,
                new SourceCoordinates(
                        SourceKind.UNKNOWN,
                        position.topic(),
                        position.partition(),
                        position.offset(),
                        null,
                        null),
                ByteBuffer.wrap(e.silverRow),
                UnreadableRecords.sha256(e.silverRow),
                Instant.ofEpochMilli(v.eventTime),
                now,
                null,
                null);
    }
}
