package io.strata.registry.service;

import java.util.Locale;

/**
 * Confluent's compatibility levels: which earlier versions a new schema is checked against, how.
 */
public enum CompatibilityLevel {
    NONE(false, false, false),
    BACKWARD(true, false, false),
    BACKWARD_TRANSITIVE(true, false, true),
    FORWARD(false, true, false),
    FORWARD_TRANSITIVE(false, true, true),
    FULL(true, true, false),
    FULL_TRANSITIVE(true, true, true);

    private final boolean backward;
    private final boolean forward;
    private final boolean transitive;

    CompatibilityLevel(boolean backward, boolean forward, boolean transitive) {
        this.backward = backward;
        this.forward = forward;
        this.transitive = transitive;
    }

    /** The new schema must read data written with the earlier ones. */
    public boolean backward() {
        return backward;
    }

    /** The earlier schemas must read data written with the new one. */
    public boolean forward() {
        return forward;
    }

    /** Checked against every live earlier version, not only the latest. */
    public boolean transitive() {
        return transitive;
    }

    /** Parses a level case-insensitively, as Confluent does; 422/42203 otherwise. */
    public static CompatibilityLevel parse(String text) {
        if (text != null) {
            for (CompatibilityLevel level : values()) {
                if (level.name().equals(text.trim().toUpperCase(Locale.ROOT))) {
                    return level;
                }
            }
        }
        throw RegistryException.invalidCompatibilityLevel(text);
    }
}
