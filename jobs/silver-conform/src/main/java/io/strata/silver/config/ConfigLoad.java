package io.strata.silver.config;

import java.util.List;
import java.util.stream.Collectors;

/** Configurations read from files or text, and every error found in them. */
public record ConfigLoad(List<TenantConfig> configs, List<ConfigError> errors) {

    public ConfigLoad {
        configs = List.copyOf(configs);
        errors = List.copyOf(errors);
    }

    public boolean isValid() {
        return errors.isEmpty();
    }

    /** The configurations when all are valid; else an exception listing every error. */
    public List<TenantConfig> orThrow() {
        if (!isValid()) {
            throw new InvalidTenantConfigException(errors);
        }
        return configs;
    }

    /** One error per line, for a command line or a log. */
    public String report() {
        return errors.stream().map(ConfigError::toString).collect(Collectors.joining("\n"));
    }
}
