package io.strata.silver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strata.common.serde.ConfluentAvroSerializer;
import io.strata.model.bronze.BronzeEvent;
import io.strata.silver.testing.BronzeEvents;
import io.strata.workload.raw.RawRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The corpus {@code bad-input/silver-conform.json} made into Kafka records of the Bronze topic:
 * fixed bytes as they are, Bronze events from valid generated records of a tenant with the entry's
 * edits and damage (see the corpus's {@code doc}).
 */
final class SilverBadInput {

    /** One record to send and what must become of it. */
    record Entry(
            String kind, String key, byte[] value, String expect, String tenant, String eventId) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private SilverBadInput() {}

    static List<Entry> entries(
            Map<String, RawRecord> baseByTenant, ConfluentAvroSerializer<BronzeEvent> avro) {
        List<Entry> entries = new ArrayList<>();
        long offset = 1_000_000;
        for (JsonNode e : corpus().get("records")) {
            String kind = e.get("kind").asText();
            String key = text(e.get("key"));
            String eventId = null;
            byte[] value;
            if (e.has("event")) {
                BronzeEvent event = event(kind, e.get("event"), baseByTenant, offset++);
                eventId = event.getEventId();
                key = key != null ? key : event.getTenantId() + "|" + eventId;
                value = damage(avro.serialize(event), text(e.get("damage")));
            } else if (e.has("hex")) {
                value = HexFormat.of().parseHex(e.get("hex").asText());
            } else if (e.has("text")) {
                value = e.get("text").asText().getBytes(StandardCharsets.UTF_8);
            } else {
                value = null;
            }
            entries.add(
                    new Entry(
                            kind,
                            key,
                            value,
                            e.get("expect").asText(),
                            text(e.get("tenant")),
                            eventId));
        }
        return entries;
    }

    private static BronzeEvent event(
            String kind, JsonNode spec, Map<String, RawRecord> baseByTenant, long offset) {
        RawRecord base = baseByTenant.get(spec.get("base").asText());
        ObjectNode envelope = (ObjectNode) read(base.valueText());
        envelope.put("event_id", "bad-" + kind);
        for (Iterator<Map.Entry<String, JsonNode>> it = spec.path("set").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> edit = it.next();
            String pointer = edit.getKey();
            int slash = pointer.lastIndexOf('/');
            ObjectNode parent = (ObjectNode) envelope.at(pointer.substring(0, slash));
            parent.set(pointer.substring(slash + 1), edit.getValue());
        }
        String record = envelope.toString();
        return BronzeEvents.webhook(
                envelope.get("tenant_id").asText(),
                envelope.get("app").asText(),
                envelope.get("record_type").asText(),
                envelope.get("schema_version").asText(),
                envelope.get("op").asText(),
                envelope.get("event_id").asText(),
                Instant.parse(envelope.get("event_time").asText()),
                record,
                offset);
    }

    private static byte[] damage(byte[] avro, String damage) {
        if (damage == null) {
            return avro;
        }
        if (damage.equals("truncate")) {
            return Arrays.copyOf(avro, avro.length / 2);
        }
        byte[] corrupt = avro.clone();
        Arrays.fill(corrupt, 5, corrupt.length, (byte) 0xFF);
        return corrupt;
    }

    private static JsonNode corpus() {
        try (InputStream in =
                SilverBadInput.class
                        .getClassLoader()
                        .getResourceAsStream("bad-input/silver-conform.json")) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
