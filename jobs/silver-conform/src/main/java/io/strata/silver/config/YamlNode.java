package io.strata.silver.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value with the line it starts on, so configuration errors can point at the file position a
 * person has to fix (Jackson's trees forget where their nodes came from).
 */
public sealed interface YamlNode {

    /** 1-based line of the value in its file. */
    int line();

    /** A word for error messages: "a map", "a list", "a string", ... */
    String kind();

    /** A mapping; keys in file order, each with the line of its key. */
    record Mapping(Map<String, YamlNode> entries, Map<String, Integer> keyLines, int line)
            implements YamlNode {

        public Mapping {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
            keyLines = Map.copyOf(keyLines);
        }

        public YamlNode get(String key) {
            return entries.get(key);
        }

        public int lineOf(String key) {
            return keyLines.getOrDefault(key, line);
        }

        @Override
        public String kind() {
            return "a map";
        }
    }

    /** A sequence. */
    record Sequence(List<YamlNode> items, int line) implements YamlNode {

        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String kind() {
            return "a list";
        }
    }

    /** A scalar: its text as written and how YAML typed it. */
    record Scalar(String text, ScalarType type, int line) implements YamlNode {

        public boolean isNull() {
            return type == ScalarType.NULL;
        }

        @Override
        public String kind() {
            return switch (type) {
                case STRING -> "a string";
                case INTEGER, DECIMAL -> "a number";
                case BOOLEAN -> "a boolean";
                case NULL -> "null";
            };
        }
    }

    /** How YAML resolved a scalar. */
    enum ScalarType {
        STRING,
        INTEGER,
        DECIMAL,
        BOOLEAN,
        NULL
    }
}
