package io.strata.tools.analysts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code CREATE TABLE kafka.<database>.<table>} statement of the init file, taken apart: its
 * physical columns (definitions with backticks removed and spaces collapsed; metadata columns left
 * out) and its {@code WITH} options.
 */
record KafkaTableDdl(String name, List<String> columns, Map<String, String> options) {

    private static final Pattern STATEMENT =
            Pattern.compile(
                    "CREATE TABLE (kafka\\.[\\w.`]+) \\((.*?)\\n\\) WITH \\((.*?)\\n\\);",
                    Pattern.DOTALL);
    private static final Pattern OPTION =
            Pattern.compile("'([^']*)'\\s*=\\s*'([^']*)'", Pattern.DOTALL);

    /** Every Kafka table of an init file, in order. */
    static List<KafkaTableDdl> all(String sql) {
        List<KafkaTableDdl> tables = new ArrayList<>();
        Matcher m = STATEMENT.matcher(sql);
        while (m.find()) {
            tables.add(
                    new KafkaTableDdl(
                            m.group(1).replace("`", ""), columns(m.group(2)), options(m.group(3))));
        }
        return tables;
    }

    String topic() {
        return options.get("topic");
    }

    private static List<String> columns(String body) {
        List<String> columns = new ArrayList<>();
        for (String column : splitTopLevel(body)) {
            String normalized = column.replace("`", "").replaceAll("\\s+", " ").strip();
            if (!normalized.contains(" METADATA ")) {
                columns.add(normalized);
            }
        }
        return columns;
    }

    /** Splits at the commas outside {@code <>} and {@code ()}. */
    private static List<String> splitTopLevel(String body) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '<' || c == '(') {
                depth++;
            } else if (c == '>' || c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(body.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(body.substring(start));
        return parts;
    }

    private static Map<String, String> options(String with) {
        Map<String, String> options = new LinkedHashMap<>();
        Matcher m = OPTION.matcher(with);
        while (m.find()) {
            options.put(m.group(1), m.group(2));
        }
        return options;
    }
}
