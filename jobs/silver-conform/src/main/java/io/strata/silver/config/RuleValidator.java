package io.strata.silver.config;

import io.strata.silver.config.CanonicalField.Kind;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Consumer;

/** Checks one rule against the canonical field it fills: type fit, options, constants. */
final class RuleValidator {

    private final ConfigErrors errors;

    RuleValidator(ConfigErrors errors) {
        this.errors = errors;
    }

    void check(FieldRule r, CanonicalField f, String entity, ZoneId zone, ConfigLocation at) {
        ConfigLocation here = at.atLine(r.line());
        Consumer<String> error = m -> errors.add(here, m);
        if (f.kind() == Kind.UNSUPPORTED) {
            error.accept(f.name() + " (" + f.describe() + ") cannot be set by a rule");
            return;
        }
        String target = entity + "." + f.name() + ", a " + f.describe();
        ValueType type = r.type() == null ? ValueType.inferredFor(f.kind()) : r.type();
        if (!type.fits(f.kind())) {
            error.accept("type '" + r.type().yamlName() + "' does not fit " + target);
            return;
        }
        if (r.source() instanceof FieldRule.Ref && f.kind() != Kind.STRING) {
            error.accept("a reference yields a key (a string) and does not fit " + target);
        }
        checkOptions(r, f, type, target, error);
        ZoneId z = r.zone() != null ? ZoneId.of(r.zone()) : zone == null ? ZoneOffset.UTC : zone;
        if (r.source() instanceof FieldRule.Const c) {
            canonical(c.value(), f, z, r, "const", error);
        }
        if (r.defaultValue() != null) {
            canonical(r.defaultValue(), f, z, r, "default", error);
        }
        if (Boolean.FALSE.equals(r.required()) && !f.nullable() && r.defaultValue() == null) {
            error.accept(
                    f.name()
                            + " is not nullable in "
                            + entity
                            + ": required: false needs a default");
        }
        if (r.map() != null && r.allowed() != null) {
            r.map()
                    .forEach(
                            (from, to) -> {
                                if (to != null && !r.allowed().contains(to)) {
                                    error.accept(
                                            "map value '"
                                                    + to
                                                    + "' (of '"
                                                    + from
                                                    + "') is not in enum "
                                                    + r.allowed());
                                }
                            });
        }
    }

    private static void checkOptions(
            FieldRule r, CanonicalField f, ValueType type, String target, Consumer<String> error) {
        if (type != ValueType.TIMESTAMP) {
            if (r.format() != null) {
                error.accept(
                        (r.pattern() != null ? "pattern" : "format")
                                + " applies to timestamps, not to "
                                + target);
            }
            if (r.zone() != null) {
                error.accept("zone applies to timestamps, not to " + target);
            }
        }
        if (type != ValueType.DECIMAL) {
            if (r.scale() != null || r.minorUnits() || r.rounding() != null) {
                error.accept("scale, minor_units and rounding apply to decimals, not to " + target);
            }
        } else if (r.scale() != null) {
            if (r.minorUnits() && (r.scale() < 0 || r.scale() > 18)) {
                error.accept("minor-unit scale " + r.scale() + " must be between 0 and 18");
            } else if (!r.minorUnits() && r.scale() != f.scale()) {
                error.accept(
                        "scale "
                                + r.scale()
                                + " does not fit "
                                + target
                                + " (for amounts in minor units add minor_units: true)");
            }
        }
        if (r.allowed() != null && f.kind() != Kind.STRING) {
            error.accept("enum applies to strings, not to " + target);
        }
    }

    private static void canonical(
            YamlNode.Scalar v,
            CanonicalField f,
            ZoneId zone,
            FieldRule r,
            String what,
            Consumer<String> error) {
        try {
            Object value = CanonicalValues.parse(f, v.text(), zone);
            if (r.allowed() != null && !r.allowed().contains(value.toString())) {
                error.accept(what + " '" + v.text() + "' is not in enum " + r.allowed());
            }
        } catch (IllegalArgumentException e) {
            error.accept(what + " " + e.getMessage());
        }
    }
}
