package io.strata.bronze.parse;

import io.strata.common.kafka.RawKafkaRecord;
import io.strata.model.Layer;
import io.strata.model.SourceCoordinates;
import io.strata.model.ops.QuarantineRecord;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;

/**
 * Builds quarantine rows: the raw bytes verbatim up to a limit (the checksum is always of all of
 * them, and the detail says when and how much was cut).
 */
final class QuarantineRows {

    private final ParserSettings settings;
    private final Sha256 sha256;

    QuarantineRows(ParserSettings settings, Sha256 sha256) {
        this.settings = settings;
        this.sha256 = sha256;
    }

    QuarantineRecord of(
            RawKafkaRecord record, Refusal refusal, SourceCoordinates source, Instant now) {
        byte[] raw = record.value == null ? new byte[0] : record.value;
        int limit = settings.quarantineRawMaxBytes();
        String detail = refusal.detail();
        byte[] kept = raw;
        if (raw.length > limit) {
            kept = Arrays.copyOf(raw, limit);
            detail += " (raw truncated to " + limit + " of " + raw.length + " bytes)";
        }
        return new QuarantineRecord(
                Layer.BRONZE,
                settings.job(),
                refusal.reason(),
                detail,
                refusal.tenantId(),
                refusal.eventId(),
                refusal.recordType(),
                refusal.schemaVersion(),
                source,
                ByteBuffer.wrap(kept),
                sha256.hex(raw),
                refusal.eventTime(),
                now,
                null,
                null);
    }
}
