package io.strata.testing.badinput;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The corpora of bad input under {@code bad-input/} on the classpath: data, so a new kind is one
 * entry with its expected outcome (see the {@code doc} at the top of each file).
 */
public final class BadInputCorpus {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BadInputCorpus() {}

    /** The records of {@code bad-input/<job>.json}. */
    public static List<BadRecord> of(String job) {
        String resource = "bad-input/" + job + ".json";
        try (InputStream in = BadInputCorpus.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No corpus " + resource + " on the classpath");
            }
            List<BadRecord> records = new ArrayList<>();
            for (JsonNode entry : JSON.readTree(in).get("records")) {
                records.add(record(entry));
            }
            return records;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BadRecord record(JsonNode e) throws IOException {
        return new BadRecord(
                e.get("kind").asText(),
                e.get("topic").asText(),
                textOrNull(e.get("key")),
                value(e),
                e.get("expect").asText(),
                textOrNull(e.get("tenant")),
                e.has("copies") ? e.get("copies").asInt() : 1);
    }

    private static byte[] value(JsonNode e) throws IOException {
        if (e.has("text")) {
            return utf8(e.get("text").asText());
        }
        if (e.has("json")) {
            return JSON.writeValueAsBytes(e.get("json"));
        }
        if (e.has("hex")) {
            return HexFormat.of().parseHex(e.get("hex").asText());
        }
        if (e.has("repeat")) {
            JsonNode r = e.get("repeat");
            return utf8(
                    r.get("prefix").asText()
                            + r.get("unit").asText().repeat(r.get("count").asInt())
                            + r.get("suffix").asText());
        }
        if (e.path("tombstone").asBoolean()) {
            return null;
        }
        throw new IllegalArgumentException("Kind " + e.get("kind") + " has no value");
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
