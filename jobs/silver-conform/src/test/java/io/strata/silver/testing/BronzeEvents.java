package io.strata.silver.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strata.model.SourceCoordinates;
import io.strata.model.SourceKind;
import io.strata.model.bronze.BronzeEvent;
import io.strata.model.bronze.Operation;
import io.strata.workload.raw.RawRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Locale;

/**
 * Bronze events as bronze-ingest makes them: the envelope's fields, the raw record as payload, and
 * source coordinates (a generated record's position becomes its offset).
 */
public final class BronzeEvents {

    public static final String RAW_TOPIC = "raw.webhooks";
    public static final Instant PROCESSED_AT = Instant.parse("2024-06-01T00:00:00Z");

    private static final ObjectMapper JSON = new ObjectMapper();

    private BronzeEvents() {}

    /** The Bronze event of a generated record that Bronze accepts. */
    public static BronzeEvent fromRaw(RawRecord r) {
        JsonNode e = read(r.valueText());
        return webhook(
                e.get("tenant_id").asText(),
                e.get("app").asText(),
                e.get("record_type").asText(),
                e.get("schema_version").asText(),
                e.get("op").asText(),
                e.get("event_id").asText(),
                Instant.parse(e.get("event_time").asText()),
                r.valueText(),
                r.position());
    }

    /** A webhook event whose envelope wraps {@code payloadJson}. */
    public static BronzeEvent webhook(
            String tenant, String version, String recordType, String op, String payloadJson) {
        String record =
                "{\"tenant_id\":\""
                        + tenant
                        + "\",\"app\":\"commerce\",\"record_type\":\""
                        + recordType
                        + "\",\"schema_version\":\""
                        + version
                        + "\",\"event_id\":\"e-1\",\"event_time\":\"2024-01-01T00:00:00Z\",\"op\":\""
                        + op
                        + "\",\"payload\":"
                        + payloadJson
                        + "}";
        return webhook(
                tenant,
                "commerce",
                recordType,
                version,
                op,
                "e-1",
                Instant.parse("2024-01-01T00:00:00Z"),
                record,
                7);
    }

    public static BronzeEvent webhook(
            String tenant,
            String app,
            String recordType,
            String version,
            String op,
            String eventId,
            Instant eventTime,
            String record,
            long offset) {
        return new BronzeEvent(
                eventId,
                tenant,
                app,
                recordType,
                version,
                operation(op),
                eventTime,
                eventTime,
                new SourceCoordinates(SourceKind.WEBHOOK, RAW_TOPIC, 0, offset, null, null),
                record,
                "0".repeat(64),
                false,
                null);
    }

    /** A CDC event as bronze-ingest reads a Debezium change of {@code schema.table}. */
    public static BronzeEvent cdc(
            String tenant, String table, String op, String change, Instant commitTime, long lsn) {
        int dot = table.indexOf('.');
        return new BronzeEvent(
                table + ":" + lsn,
                tenant,
                table.substring(0, dot),
                table.substring(dot + 1),
                "cdc",
                switch (op) {
                    case "c" -> Operation.CREATE;
                    case "u" -> Operation.UPDATE;
                    case "d" -> Operation.DELETE;
                    default -> Operation.SNAPSHOT;
                },
                commitTime,
                commitTime,
                new SourceCoordinates(SourceKind.CDC, "cdc." + table, 0, lsn, table, lsn),
                change,
                "0".repeat(64),
                false,
                null);
    }

    private static Operation operation(String op) {
        return Operation.valueOf(op.toUpperCase(Locale.ROOT));
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
