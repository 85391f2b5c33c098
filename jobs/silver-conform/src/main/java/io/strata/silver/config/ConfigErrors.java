package io.strata.silver.config;

import java.util.ArrayList;
import java.util.List;

/** Collects every error of a configuration instead of stopping at the first. */
final class ConfigErrors {

    private final List<ConfigError> errors = new ArrayList<>();

    void add(ConfigLocation where, String message) {
        errors.add(new ConfigError(where, message));
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    int size() {
        return errors.size();
    }

    List<ConfigError> list() {
        return List.copyOf(errors);
    }
}
