package io.strata.quality.rules;

import java.util.List;

/** Tenant configurations whose {@code quality:} sections are invalid: every error, located. */
public final class InvalidQualityConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidQualityConfigException(List<String> errors) {
        super("Invalid quality configuration:\n  " + String.join("\n  ", errors));
    }
}
