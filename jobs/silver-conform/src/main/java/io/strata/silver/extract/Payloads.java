package io.strata.silver.extract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import io.strata.model.QuarantineReason;

/**
 * Parses a Bronze record once into a Jackson tree with exact numbers (integers of any size stay
 * exact, decimals are BigDecimal with their written scale) and finds the node rules read from: the
 * platform envelope's {@code payload}, or a Debezium change's row image ({@code after}, or {@code
 * before} for a delete; Kafka Connect's {@code {schema, payload}} wrapping is unwrapped).
 */
final class Payloads {

    static final ObjectMapper MAPPER =
            new ObjectMapper()
                    .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    private Payloads() {}

    static JsonNode parse(String record) throws Tier1Failure {
        try {
            return MAPPER.readTree(record);
        } catch (JsonProcessingException e) {
            throw new Tier1Failure(
                    QuarantineReason.INVALID_JSON,
                    "the Bronze payload is not JSON: " + e.getOriginalMessage());
        }
    }

    /** The {@code payload} object of a platform envelope. */
    static JsonNode platformPayload(JsonNode record) throws Tier1Failure {
        JsonNode payload = record == null ? null : record.get("payload");
        if (payload == null || !payload.isObject()) {
            throw new Tier1Failure(
                    QuarantineReason.MISSING_REQUIRED_FIELD, "the envelope has no payload object");
        }
        return payload;
    }

    /** The row image of a Debezium change: {@code before} for deletes, else {@code after}. */
    static JsonNode rowImage(JsonNode record, boolean delete) throws Tier1Failure {
        JsonNode change = record;
        if (change != null && change.has("schema") && change.path("payload").isObject()) {
            change = change.get("payload");
        }
        String image = delete ? "before" : "after";
        JsonNode row = change == null ? null : change.get(image);
        if (row == null || !row.isObject()) {
            throw new Tier1Failure(
                    QuarantineReason.MISSING_REQUIRED_FIELD,
                    "the change event has no '" + image + "' row image");
        }
        return row;
    }
}
