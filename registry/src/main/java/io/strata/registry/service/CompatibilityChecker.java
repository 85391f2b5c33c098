package io.strata.registry.service;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/**
 * Decides compatibility with Avro's own {@link SchemaCompatibility}, the rules Confluent's registry
 * applies too: backward means the new schema reads what earlier ones wrote, forward the reverse.
 */
final class CompatibilityChecker {

    private CompatibilityChecker() {}

    /** An earlier version to check against. */
    record Earlier(int version, Schema schema) {}

    /**
     * Checks {@code candidate} against {@code earlier} (oldest first) under {@code level}. Returns
     * the reasons it is incompatible, empty when it is compatible.
     */
    static List<String> check(Schema candidate, List<Earlier> earlier, CompatibilityLevel level) {
        if (level == CompatibilityLevel.NONE || earlier.isEmpty()) {
            return List.of();
        }
        List<Earlier> against =
                level.transitive() ? earlier : List.of(earlier.get(earlier.size() - 1));
        List<String> messages = new ArrayList<>();
        for (Earlier previous : against) {
            List<String> found = checkPair(candidate, previous.schema(), level);
            if (!found.isEmpty()) {
                messages.addAll(found);
                messages.add("{oldSchemaVersion: " + previous.version() + "}");
            }
        }
        if (!messages.isEmpty()) {
            messages.add("{compatibility: '" + level + "'}");
        }
        return messages;
    }

    private static List<String> checkPair(Schema candidate, Schema previous, CompatibilityLevel l) {
        List<String> messages = new ArrayList<>();
        if (l.backward()) {
            messages.addAll(describe(candidate, previous, "new schema reading old data"));
        }
        if (l.forward()) {
            messages.addAll(describe(previous, candidate, "old schema reading new data"));
        }
        return messages;
    }

    private static List<String> describe(Schema reader, Schema writer, String direction) {
        SchemaPairCompatibility result =
                SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
        if (result.getType() == SchemaCompatibilityType.COMPATIBLE) {
            return List.of();
        }
        return result.getResult().getIncompatibilities().stream()
                .map(i -> format(i, direction))
                .toList();
    }

    private static String format(Incompatibility i, String direction) {
        return "{errorType:'"
                + i.getType()
                + "', description:'"
                + i.getMessage()
                + " at path '"
                + i.getLocation()
                + "' ("
                + direction
                + ")'}";
    }
}
