package io.strata.silver.config;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown at start-up (never per record) when a tenant configuration is invalid. */
public final class InvalidTenantConfigException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final List<ConfigError> errors;

    public InvalidTenantConfigException(List<ConfigError> errors) {
        super(
                errors.size()
                        + " error(s) in tenant configuration:\n"
                        + errors.stream()
                                .map(ConfigError::toString)
                                .collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    public List<ConfigError> errors() {
        return errors;
    }
}
