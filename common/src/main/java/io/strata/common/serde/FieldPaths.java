package io.strata.common.serde;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/**
 * Turns Avro's JSON-pointer locations ({@code /fields/3/type}) into field paths ({@code
 * order_count_30d}), so a quarantine detail names the field a person will look for.
 */
final class FieldPaths {

    private FieldPaths() {}

    static String of(Schema record, String pointer) {
        List<String> names = new ArrayList<>();
        Schema cursor = record;
        String[] parts = pointer.split("/");
        for (int i = 1; i + 1 < parts.length && cursor != null; i++) {
            if (parts[i].equals("fields") && cursor.getType() == Schema.Type.RECORD) {
                Schema.Field field = cursor.getFields().get(Integer.parseInt(parts[++i]));
                names.add(field.name());
                cursor = nested(field.schema());
            }
        }
        return names.isEmpty() ? pointer : String.join(".", names);
    }

    private static Schema nested(Schema schema) {
        if (schema.getType() == Schema.Type.UNION) {
            return schema.getTypes().stream()
                    .filter(s -> s.getType() == Schema.Type.RECORD)
                    .findFirst()
                    .orElse(null);
        }
        return schema.getType() == Schema.Type.RECORD ? schema : null;
    }
}
