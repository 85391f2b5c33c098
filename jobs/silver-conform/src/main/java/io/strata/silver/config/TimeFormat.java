package io.strata.silver.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a timestamp is written: ISO-8601 (with or without offset; without one the rule's zone
 * applies), epoch numbers, or a custom {@code pattern}.
 */
public enum TimeFormat {
    ISO,
    EPOCH_SECONDS,
    EPOCH_MILLIS,
    EPOCH_MICROS,
    /** Set implicitly by {@code pattern:}. */
    PATTERN;

    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TimeFormat byYamlName(String name) {
        for (TimeFormat f : values()) {
            if (f != PATTERN && f.yamlName().equals(name)) {
                return f;
            }
        }
        return null;
    }

    public static String yamlNames() {
        return Arrays.stream(values())
                .filter(f -> f != PATTERN)
                .map(TimeFormat::yamlName)
                .collect(Collectors.joining(", "));
    }
}
