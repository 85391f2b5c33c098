package io.strata.registry.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Encodes records as JSON keys and values in the layout Confluent's registry uses for its {@code
 * _schemas} topic ({@code {"keytype":"SCHEMA","subject":…,"version":…,"magic":1}}), so the topic
 * reads familiarly in kcat and keys are byte-identical per subject version, as compaction requires.
 */
public final class RecordCodec {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCHEMA = "SCHEMA";
    private static final String CONFIG = "CONFIG";
    // Not a Confluent key type: Confluent's registry would skip it as unknown.
    private static final String MAX_ID = "MAX_ID";

    private RecordCodec() {}

    /** The record's topic key. */
    public static byte[] key(StoreRecord record) {
        if (record instanceof StoreRecord.PutVersion p) {
            return bytes(schemaKey(p.version().subject(), p.version().version()));
        }
        if (record instanceof StoreRecord.RemoveVersion r) {
            return bytes(schemaKey(r.subject(), r.version()));
        }
        if (record instanceof StoreRecord.PutCompatibility c) {
            return bytes(configKey(c.subject()));
        }
        if (record instanceof StoreRecord.RemoveCompatibility c) {
            return bytes(configKey(c.subject()));
        }
        return bytes(JSON.createObjectNode().put("keytype", MAX_ID).put("magic", 0));
    }

    /** The record's topic value; null (a tombstone) for removals. */
    public static byte[] value(StoreRecord record) {
        if (record instanceof StoreRecord.PutVersion p) {
            return bytes(schemaValue(p.version()));
        }
        if (record instanceof StoreRecord.PutCompatibility c) {
            return bytes(JSON.createObjectNode().put("compatibilityLevel", c.level()));
        }
        if (record instanceof StoreRecord.ReserveIds r) {
            return bytes(JSON.createObjectNode().put("maxId", r.maxId()));
        }
        return null;
    }

    /**
     * Decodes one topic record; empty for key types this registry does not keep (Confluent's NOOP,
     * MODE, DELETE_SUBJECT, …) and for non-Avro schemas, which it does not serve.
     */
    public static Optional<StoreRecord> decode(byte[] key, byte[] value) {
        JsonNode k = tree(key);
        String subject = k.path("subject").isTextual() ? k.get("subject").asText() : null;
        return switch (k.path("keytype").asText()) {
            case SCHEMA -> decodeSchema(subject, k.path("version").asInt(), value);
            case CONFIG -> Optional.of(decodeConfig(subject, value));
            case MAX_ID ->
                    Optional.ofNullable(value)
                            .map(v -> new StoreRecord.ReserveIds(tree(v).path("maxId").asInt()));
            default -> Optional.empty();
        };
    }

    private static Optional<StoreRecord> decodeSchema(String subject, int version, byte[] value) {
        if (value == null) {
            return Optional.of(new StoreRecord.RemoveVersion(subject, version));
        }
        JsonNode v = tree(value);
        if (!v.path("schemaType").asText("AVRO").equals("AVRO")) {
            return Optional.empty();
        }
        SchemaVersion sv =
                new SchemaVersion(
                        subject,
                        version,
                        v.path("id").asInt(),
                        v.path("schema").asText(),
                        v.path("deleted").asBoolean(false));
        return Optional.of(new StoreRecord.PutVersion(sv));
    }

    private static StoreRecord decodeConfig(String subject, byte[] value) {
        if (value == null) {
            return new StoreRecord.RemoveCompatibility(subject);
        }
        return new StoreRecord.PutCompatibility(
                subject, tree(value).path("compatibilityLevel").asText());
    }

    private static ObjectNode schemaKey(String subject, int version) {
        ObjectNode key = JSON.createObjectNode().put("keytype", SCHEMA);
        return key.put("subject", subject).put("version", version).put("magic", 1);
    }

    private static ObjectNode configKey(String subject) {
        ObjectNode key = JSON.createObjectNode().put("keytype", CONFIG);
        return key.put("subject", subject).put("magic", 0);
    }

    private static ObjectNode schemaValue(SchemaVersion v) {
        ObjectNode value = JSON.createObjectNode().put("subject", v.subject());
        value.put("version", v.version()).put("id", v.id()).put("schema", v.schema());
        return value.put("deleted", v.deleted());
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode tree(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable record on the schemas topic", e);
        }
    }
}
