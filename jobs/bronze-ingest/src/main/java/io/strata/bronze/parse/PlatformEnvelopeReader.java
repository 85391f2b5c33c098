package io.strata.bronze.parse;

import static io.strata.bronze.parse.JsonValues.blank;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.strata.model.QuarantineReason;
import io.strata.model.bronze.Operation;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Reads the platform envelope {@code {tenant_id, app, record_type, schema_version, event_id,
 * event_time, op, payload}} in one streaming pass; the payload is only checked to be well-formed
 * JSON (Bronze keeps the raw bytes, Silver reads the payload).
 */
final class PlatformEnvelopeReader {

    /** What the pass has read so far; partial when the JSON breaks off. */
    static final class Fields {
        String tenantId;
        String eventId;
        String app;
        String recordType;
        String schemaVersion;
        String eventTime;
        Long eventTimeMillis;
        String op;
        boolean payload;
    }

    private PlatformEnvelopeReader() {}

    /** Reads the fields of the object whose START_OBJECT the parser has just returned. */
    static void read(JsonParser p, Fields f) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                case "tenant_id" -> f.tenantId = JsonValues.text(p);
                case "event_id" -> f.eventId = JsonValues.text(p);
                case "app" -> f.app = JsonValues.text(p);
                case "record_type" -> f.recordType = JsonValues.text(p);
                case "schema_version" -> f.schemaVersion = JsonValues.text(p);
                case "op" -> f.op = JsonValues.text(p);
                case "event_time" -> readEventTime(p, f);
                case "payload" -> {
                    f.payload = p.currentToken() != JsonToken.VALUE_NULL;
                    p.skipChildren();
                }
                default -> p.skipChildren();
            }
        }
    }

    private static void readEventTime(JsonParser p, Fields f) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
            f.eventTimeMillis = p.getLongValue();
        } else {
            f.eventTime = JsonValues.text(p);
        }
    }

    /** The envelope, or the first rule it breaks. */
    static EnvelopeRead validate(Fields f) {
        if (blank(f.tenantId)) {
            return Refusal.of(QuarantineReason.MISSING_TENANT, "The envelope has no tenant_id");
        }
        if (blank(f.eventId)) {
            return refuse(f, QuarantineReason.MISSING_EVENT_ID, "The envelope has no event_id");
        }
        if (blank(f.app) || blank(f.recordType) || blank(f.schemaVersion) || !f.payload) {
            return refuse(
                    f,
                    QuarantineReason.MISSING_REQUIRED_FIELD,
                    "The envelope needs app, record_type, schema_version and payload");
        }
        if (f.eventTimeMillis == null && blank(f.eventTime)) {
            return refuse(
                    f, QuarantineReason.MISSING_REQUIRED_FIELD, "The envelope has no event_time");
        }
        Instant eventTime = eventTime(f);
        if (eventTime == null) {
            return refuse(
                    f,
                    QuarantineReason.TYPE_COERCION_FAILED,
                    "event_time '" + f.eventTime + "' is not an ISO-8601 instant");
        }
        return new Envelope(
                f.eventId,
                f.tenantId,
                f.app,
                f.recordType,
                f.schemaVersion,
                operation(f.op),
                eventTime,
                null,
                null);
    }

    private static Refusal refuse(Fields f, QuarantineReason reason, String detail) {
        return new Refusal(
                reason, detail, f.tenantId, f.eventId, f.recordType, f.schemaVersion, null);
    }

    private static Instant eventTime(Fields f) {
        if (f.eventTimeMillis != null) {
            return Instant.ofEpochMilli(f.eventTimeMillis);
        }
        try {
            // ISO_INSTANT also accepts an offset (JDK 12+), e.g. 2024-01-01T10:00:00+02:00.
            return Instant.parse(f.eventTime);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static Operation operation(String op) {
        if (op == null) {
            return Operation.UNKNOWN;
        }
        return switch (op) {
            case "create", "c" -> Operation.CREATE;
            case "update", "u" -> Operation.UPDATE;
            case "delete", "d" -> Operation.DELETE;
            case "snapshot", "r" -> Operation.SNAPSHOT;
            default -> Operation.UNKNOWN;
        };
    }
}
