package io.strata.common.quarantine;

import io.strata.model.Layer;
import io.strata.model.QuarantineReason;
import io.strata.model.SourceCoordinates;
import io.strata.model.SourceKind;
import io.strata.model.ops.QuarantineRecord;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Quarantine rows for bytes of a pipeline topic (Bronze, Silver, ...) that are no readable record:
 * kept verbatim with their topic coordinates. The tenant and record id come from the record key
 * ({@code tenant|id}, the key every Strata topic uses) when there is one.
 */
public final class UnreadableRecords {

    private UnreadableRecords() {}

    public static QuarantineRecord of(
            Layer layer,
            String job,
            String topic,
            int partition,
            long offset,
            byte[] key,
            byte[] value,
            QuarantineReason reason,
            String detail,
            Instant now) {
        String k = key == null ? null : new String(key, StandardCharsets.UTF_8);
        int bar = k == null ? -1 : k.indexOf('|');
        byte[] raw = value == null ? new byte[0] : value;
        return new QuarantineRecord(
                layer,
                job,
                reason,
                detail,
                bar > 0 ? k.substring(0, bar) : k,
                bar > 0 ? k.substring(bar + 1) : null,
                null,
                null,
                new SourceCoordinates(SourceKind.UNKNOWN, topic, partition, offset, null, null),
                ByteBuffer.wrap(raw),
                sha256(raw),
                null,
                now,
                null,
                null);
    }

    /** Hex SHA-256 of {@code bytes}. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
