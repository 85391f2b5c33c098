package io.strata.silver.extract;

import io.strata.silver.config.CanonicalField;
import io.strata.silver.config.FieldRule;
import java.time.ZoneId;

/** Picks the coercion of a rule from the kind of its target field (the validator checked fit). */
final class Coercers {

    private Coercers() {}

    static Coercer forField(FieldRule r, CanonicalField target, ZoneId zone) {
        return switch (target.kind()) {
            case STRING -> SimpleCoercers.STRING;
            case INT -> SimpleCoercers.integer(true);
            case LONG -> SimpleCoercers.integer(false);
            case BOOLEAN -> SimpleCoercers.BOOLEAN;
            case DOUBLE -> SimpleCoercers.DOUBLE;
            case DECIMAL ->
                    new DecimalCoercer(
                            r.minorUnits(),
                            r.scale() == null ? target.scale() : r.scale(),
                            target.scale(),
                            target.precision(),
                            r.rounding());
            case TIMESTAMP -> new TimestampCoercer(r.format(), r.pattern(), zone);
            case UNSUPPORTED ->
                    throw new IllegalStateException(target.name() + " cannot be set by a rule");
        };
    }
}
