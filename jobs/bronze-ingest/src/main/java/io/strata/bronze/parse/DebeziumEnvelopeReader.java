package io.strata.bronze.parse;

import static io.strata.bronze.parse.JsonValues.blank;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.strata.model.QuarantineReason;
import io.strata.model.bronze.Operation;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a Debezium change event ({@code before}, {@code after}, {@code op}, {@code source}, {@code
 * ts_ms}; bare or wrapped in {@code {schema, payload}}) in one streaming pass. Only the tenant and
 * primary-key columns of the row images are read.
 *
 * <p>Mapping: tenant from the tenant column of {@code after} (of {@code before} for deletes); event
 * id {@code schema.table:lsn:key}, the key's values joined by ':' (from the Kafka key, see {@link
 * CdcPrimaryKey}, else from the configured key columns of the row image); event time {@code
 * source.ts_ms} (the commit time), else {@code ts_ms}; app = the Postgres schema, record type = the
 * table, schema version {@value #SCHEMA_VERSION}. Snapshot rows without an LSN use {@code r<sha-256
 * prefix of the row image>} in its place, so an unchanged row re-snapshotted within the dedupe
 * horizon is a duplicate and a changed one is not.
 */
final class DebeziumEnvelopeReader {

    static final String SCHEMA_VERSION = "cdc";

    /** One row image: its tenant, its key columns and where it lies in the raw bytes. */
    static final class Row {
        String tenantId;
        final Map<String, String> keys = new HashMap<>();
        int start;
        int end;
    }

    /** What the pass has read so far; partial when the JSON breaks off. */
    static final class Fields {
        Row before;
        Row after;
        boolean source;
        String op;
        Long tsMs;
        String schema;
        String table;
        Long lsn;
        Long sourceTsMs;

        /** The tenant, from whichever image has it (for attributing refused records too). */
        String tenantId() {
            if (after != null && !blank(after.tenantId)) {
                return after.tenantId;
            }
            return before == null ? null : before.tenantId;
        }
    }

    private final String tenantColumn;
    private final List<String> keyColumns;
    private final Sha256 sha256;

    DebeziumEnvelopeReader(String tenantColumn, List<String> keyColumns, Sha256 sha256) {
        this.tenantColumn = tenantColumn;
        this.keyColumns = keyColumns;
        this.sha256 = sha256;
    }

    /** Reads the object whose START_OBJECT the parser has just returned. */
    void read(JsonParser p, Fields f) throws IOException {
        read(p, f, true);
    }

    private void read(JsonParser p, Fields f, boolean top) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            boolean object = value == JsonToken.START_OBJECT;
            switch (name) {
                case "before" -> f.before = object ? row(p) : skip(p);
                case "after" -> f.after = object ? row(p) : skip(p);
                case "source" -> {
                    f.source = object;
                    if (object) {
                        source(p, f);
                    } else {
                        p.skipChildren();
                    }
                }
                case "op" -> f.op = JsonValues.text(p);
                case "ts_ms" -> f.tsMs = JsonValues.integer(p);
                    // Kafka Connect's JSON converter with schemas wraps the event in "payload".
                case "payload" -> {
                    if (top && object) {
                        read(p, f, false);
                    } else {
                        p.skipChildren();
                    }
                }
                default -> p.skipChildren();
            }
        }
    }

    private static Row skip(JsonParser p) throws IOException {
        p.skipChildren();
        return null;
    }

    private Row row(JsonParser p) throws IOException {
        Row row = new Row();
        row.start = (int) p.currentTokenLocation().getByteOffset();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String column = p.currentName();
            p.nextToken();
            if (column.equals(tenantColumn)) {
                row.tenantId = JsonValues.text(p);
            } else if (keyColumns.contains(column)) {
                row.keys.put(column, JsonValues.text(p));
            } else {
                p.skipChildren();
            }
        }
        row.end = (int) p.currentLocation().getByteOffset();
        return row;
    }

    private static void source(JsonParser p, Fields f) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                case "schema" -> f.schema = JsonValues.text(p);
                case "table" -> f.table = JsonValues.text(p);
                case "lsn" -> f.lsn = JsonValues.integer(p);
                case "ts_ms" -> f.sourceTsMs = JsonValues.integer(p);
                default -> p.skipChildren();
            }
        }
    }

    /**
     * The envelope, or the first rule it breaks; {@code raw} is the record's bytes, {@code
     * primaryKey} the key read from the Kafka key (null to fall back to the key columns).
     */
    EnvelopeRead validate(Fields f, byte[] raw, String primaryKey) {
        if (!f.source || f.op == null) {
            return Refusal.of(
                    QuarantineReason.UNSUPPORTED_ENVELOPE,
                    "Not a Debezium change event: it needs 'op' and a 'source' object");
        }
        Operation op = operation(f.op);
        if (op == null || blank(f.table)) {
            return Refusal.of(
                            QuarantineReason.UNSUPPORTED_ENVELOPE,
                            "Debezium event op '"
                                    + f.op
                                    + "' on table '"
                                    + f.table
                                    + "' carries no row (only c, u, d, r do)")
                    .withTenant(f.tenantId());
        }
        String table = blank(f.schema) ? f.table : f.schema + "." + f.table;
        if (blank(f.tenantId())) {
            return Refusal.of(
                    QuarantineReason.MISSING_TENANT,
                    "No '" + tenantColumn + "' column in the row images of " + table);
        }
        Row image = op == Operation.DELETE || f.after == null ? f.before : f.after;
        String key = primaryKey != null ? primaryKey : key(image);
        if (key == null) {
            return refuse(
                    f,
                    QuarantineReason.MISSING_EVENT_ID,
                    "No primary key " + keyColumns + " in the row image of " + table);
        }
        String position = position(f, op, image, raw);
        if (position == null) {
            return refuse(f, QuarantineReason.MISSING_EVENT_ID, "No source.lsn for " + table);
        }
        Long millis = f.sourceTsMs != null ? f.sourceTsMs : f.tsMs;
        if (millis == null) {
            return refuse(
                    f,
                    QuarantineReason.MISSING_REQUIRED_FIELD,
                    "Neither source.ts_ms nor ts_ms in a change of " + table);
        }
        return new Envelope(
                table + ":" + position + ":" + key,
                f.tenantId(),
                blank(f.schema) ? "cdc" : f.schema,
                f.table,
                SCHEMA_VERSION,
                op,
                Instant.ofEpochMilli(millis),
                table,
                f.lsn);
    }

    private String position(Fields f, Operation op, Row image, byte[] raw) {
        if (f.lsn != null) {
            return Long.toString(f.lsn);
        }
        if (op == Operation.SNAPSHOT && image.end > image.start && image.end <= raw.length) {
            return "r" + sha256.hex(raw, image.start, image.end - image.start).substring(0, 16);
        }
        return null;
    }

    private String key(Row image) {
        if (image == null) {
            return null;
        }
        List<String> values = new ArrayList<>(keyColumns.size());
        for (String column : keyColumns) {
            String value = image.keys.get(column);
            if (blank(value)) {
                return null;
            }
            values.add(value);
        }
        return String.join(":", values);
    }

    private static Refusal refuse(Fields f, QuarantineReason reason, String detail) {
        return Refusal.of(reason, detail).withTenant(f.tenantId());
    }

    private static Operation operation(String op) {
        return switch (op) {
            case "c" -> Operation.CREATE;
            case "u" -> Operation.UPDATE;
            case "d" -> Operation.DELETE;
            case "r" -> Operation.SNAPSHOT;
            default -> null;
        };
    }
}
