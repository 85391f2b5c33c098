package io.strata.silver.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Text clean-ups a rule applies, in the order listed, before value maps and coercion. */
public enum Normalizer {
    TRIM,
    LOWER,
    UPPER,
    /** An empty or blank string becomes null (so defaults and first_of move on). */
    NULL_IF_BLANK;

    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Applies this step; null stays null. */
    public String apply(String s) {
        if (s == null) {
            return null;
        }
        return switch (this) {
            case TRIM -> s.trim();
            case LOWER -> s.toLowerCase(Locale.ROOT);
            case UPPER -> s.toUpperCase(Locale.ROOT);
            case NULL_IF_BLANK -> s.isBlank() ? null : s;
        };
    }

    public static Normalizer byYamlName(String name) {
        for (Normalizer n : values()) {
            if (n.yamlName().equals(name)) {
                return n;
            }
        }
        return null;
    }

    public static String yamlNames() {
        return Arrays.stream(values()).map(Normalizer::yamlName).collect(Collectors.joining(", "));
    }
}
