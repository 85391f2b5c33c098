package io.strata.silver.sink;

import io.strata.common.quarantine.UnreadableRecords;
import io.strata.model.Layer;
import io.strata.model.QuarantineReason;
import io.strata.model.bronze.BronzeEvent;
import io.strata.model.ops.QuarantineRecord;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Quarantine rows of the Silver gate. A refused Bronze event keeps its Bronze reference (source
 * coordinates and checksum, as in {@code bronze.events}) and its payload, so it can be reprocessed
 * after a configuration fix, with the configuration version in force and the rule that refused it.
 * Unreadable bytes of the Bronze topic are kept with their own topic coordinates.
 */
public final class QuarantineRows {

    public static final String JOB = "silver-conform";

    private QuarantineRows() {}

    /** A Bronze event the Silver gate refuses. */
    public static QuarantineRecord refused(
            BronzeEvent e,
            QuarantineReason reason,
            String detail,
            String configVersion,
            String rule,
            Instant now) {
        return new QuarantineRecord(
                Layer.SILVER,
                JOB,
                reason,
                detail,
                e.getTenantId(),
                e.getEventId(),
                e.getRecordType(),
                e.getSchemaVersion(),
                e.getSource(),
                ByteBuffer.wrap(e.getPayload().getBytes(StandardCharsets.UTF_8)),
                e.getChecksum(),
                e.getEventTime(),
                now,
                configVersion,
                rule);
    }

    /** Bytes of the Bronze topic that are no readable event. */
    public static QuarantineRecord unreadable(
            String topic,
            int partition,
            long offset,
            byte[] key,
            byte[] value,
            QuarantineReason reason,
            String detail,
            Instant now) {
        return UnreadableRecords.of(
                Layer.SILVER, JOB, topic, partition, offset, key, value, reason, detail, now);
    }
}
