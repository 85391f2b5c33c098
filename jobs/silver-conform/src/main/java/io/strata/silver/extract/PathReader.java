package io.strata.silver.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A compiled JSONPath. {@code $} paths read from the payload root, {@code @} paths from the current
 * node (a foreach element or an entity's context).
 */
interface PathReader {

    /** The one value the path yields, or null when it yields nothing (or JSON null). */
    JsonNode one(JsonNode root, JsonNode current) throws Tier1Failure;

    /** Every value: the matches of a wildcard path, or the elements of the array it names. */
    void all(JsonNode root, JsonNode current, List<JsonNode> out);

    String text();

    /** The value of a path that matched several nodes where one was expected. */
    static JsonNode single(List<JsonNode> values, String path) throws Tier1Failure {
        return switch (values.size()) {
            case 0 -> null;
            case 1 -> values.get(0).isNull() ? null : values.get(0);
            default ->
                    throw Tier1Failure.coercion(
                            path + " yields " + values.size() + " values where one is expected");
        };
    }
}
