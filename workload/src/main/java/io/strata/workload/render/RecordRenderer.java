package io.strata.workload.render;

import io.strata.model.QuarantineReason;
import io.strata.workload.truth.Tenants;
import io.strata.workload.truth.TruthEvent;
import io.strata.workload.util.JsonWriter;
import io.strata.workload.util.TimeFormats;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Renders a truth event as one raw record: the platform envelope around the tenant's payload,
 * optionally broken in exactly one way (the {@code fault}). Not thread-safe: one per thread.
 *
 * <p>The envelope: {@code {"tenant_id", "app", "record_type", "schema_version", "event_id",
 * "event_time" (ISO-8601 UTC, millis), "op" (create|update|delete), "payload" {...}}}.
 */
public final class RecordRenderer {

    private final JsonWriter w = new JsonWriter();
    private final int maxRecordBytes;
    private final Map<String, byte[]> keys = new HashMap<>();

    /** {@code maxRecordBytes}: the size limit oversized records exceed. */
    public RecordRenderer(int maxRecordBytes) {
        this.maxRecordBytes = maxRecordBytes;
    }

    /**
     * The record's value bytes. {@code reencoded} renders the same content with other whitespace (a
     * re-sent event whose bytes differ but whose event id is the same).
     */
    public byte[] value(TruthEvent e, QuarantineReason fault, boolean reencoded) {
        w.reset(reencoded).beginObject();
        envelope(e, fault);
        if (fault == QuarantineReason.INVALID_UTF8) {
            w.corruptNextString();
        }
        w.name("payload").beginObject();
        Renderers.of(e.tenant().id(), e.schemaVersion()).writePayload(w, e, fault);
        if (fault == QuarantineReason.OVERSIZED_PAYLOAD) {
            int padding = maxRecordBytes - w.length() + 1 + (int) (e.renderSeed() & 1023);
            w.name("attachment").filler(padding);
        }
        w.endObject().endObject();
        if (fault == QuarantineReason.INVALID_JSON) {
            int length = w.length();
            w.truncate(length / 2 + (int) ((e.renderSeed() >>> 20) % (length / 2 - 1)));
        }
        return w.toByteArray();
    }

    /** The Kafka key: the tenant id as the producer wrote it, null when the tenant is missing. */
    public byte[] key(TruthEvent e, QuarantineReason fault) {
        if (fault == QuarantineReason.MISSING_TENANT) {
            return null;
        }
        String tenant =
                fault == QuarantineReason.UNKNOWN_TENANT ? Tenants.UNKNOWN_TENANT : e.tenant().id();
        return keys.computeIfAbsent(tenant, t -> t.getBytes(StandardCharsets.UTF_8));
    }

    private void envelope(TruthEvent e, QuarantineReason fault) {
        boolean writeNull = ((e.renderSeed() >>> 16) & 1) == 1;
        if (fault != QuarantineReason.MISSING_TENANT) {
            w.name("tenant_id")
                    .string(
                            fault == QuarantineReason.UNKNOWN_TENANT
                                    ? Tenants.UNKNOWN_TENANT
                                    : e.tenant().id());
        } else if (writeNull) {
            w.name("tenant_id").nullValue();
        }
        w.name("app").string(Tenants.APP);
        w.name("record_type").string(e.type().wireName());
        w.name("schema_version")
                .string(
                        fault == QuarantineReason.UNKNOWN_SCHEMA_VERSION
                                ? Tenants.UNKNOWN_SCHEMA_VERSION
                                : e.schemaVersion());
        if (fault != QuarantineReason.MISSING_EVENT_ID) {
            w.name("event_id").string(e.eventId());
        } else if (writeNull) {
            w.name("event_id").nullValue();
        }
        StringBuilder sb = w.scratch();
        TimeFormats.isoUtcMillis(sb, e.eventTime());
        w.name("event_time").string(sb);
        w.name("op").string(e.op().wireName());
    }
}
