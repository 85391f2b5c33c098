package io.strata.silver.extract;

import io.strata.model.QuarantineReason;
import io.strata.silver.config.FieldRule.Unmapped;
import io.strata.silver.config.Normalizer;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One field rule, compiled: source → normalize → value map → coercion → allowed values → default →
 * required. Immutable; shared by every record of its record type.
 */
final class CompiledRule {

    /** Where a raw value comes from. */
    interface Source {
        Object read(Scope s) throws Tier1Failure;
    }

    final String label;
    private final Source source;
    private final Normalizer[] normalize;
    private final Map<String, String> map;
    private final Unmapped onUnmapped;
    private final Coercer coercer;
    private final Set<String> allowed;
    private final Object constant;
    private final Object defaultValue;
    private final QuarantineReason whenMissing;

    /**
     * @param whenMissing NULL_KEY or MISSING_REQUIRED_FIELD when a missing value refuses the
     *     record; null when it may be missing
     */
    CompiledRule(
            String label,
            Source source,
            List<Normalizer> normalize,
            Map<String, String> map,
            Unmapped onUnmapped,
            Coercer coercer,
            Set<String> allowed,
            Object constant,
            Object defaultValue,
            QuarantineReason whenMissing) {
        this.label = label;
        this.source = source;
        this.normalize = normalize.toArray(new Normalizer[0]);
        this.map = map;
        this.onUnmapped = onUnmapped;
        this.coercer = coercer;
        this.allowed = allowed;
        this.constant = constant;
        this.defaultValue = defaultValue;
        this.whenMissing = whenMissing;
    }

    /** The canonical value; refuses the record when it is required and missing. */
    Object value(Scope s) throws Tier1Failure {
        Object v = valueOrNull(s);
        if (v == null && whenMissing != null) {
            throw new Tier1Failure(
                    whenMissing,
                    whenMissing == QuarantineReason.NULL_KEY ? "the key is null" : "missing");
        }
        return v;
    }

    /** The canonical value, null when missing (and without a default). */
    Object valueOrNull(Scope s) throws Tier1Failure {
        if (constant != null) {
            return constant;
        }
        Object v = raw(s);
        if (v != null) {
            v = coercer.coerce(v);
            if (allowed != null && !allowed.contains(v)) {
                throw Tier1Failure.coercion(Scalars.describe(v) + " is not one of " + allowed);
            }
        }
        return v == null ? defaultValue : v;
    }

    /** The value before coercion: read, normalized and mapped. */
    Object raw(Scope s) throws Tier1Failure {
        Object v = source.read(s);
        if (normalize.length > 0 && v instanceof String str) {
            for (Normalizer n : normalize) {
                str = n.apply(str);
            }
            v = str;
        }
        if (map != null && v != null) {
            String key = Scalars.text(v);
            if (key != null && map.containsKey(key)) {
                return map.get(key);
            }
            switch (onUnmapped) {
                case NULL -> v = null;
                case KEEP -> {}
                default ->
                        throw Tier1Failure.coercion(
                                Scalars.describe(v) + " is not in the value map " + map.keySet());
            }
        }
        return v;
    }

    /** The first alternative with a non-blank value. */
    static Source firstOf(List<CompiledRule> alternatives) {
        CompiledRule[] alts = alternatives.toArray(new CompiledRule[0]);
        return s -> {
            for (CompiledRule a : alts) {
                Object v = a.raw(s);
                if (v != null && !(v instanceof String str && str.isBlank())) {
                    return v;
                }
            }
            return null;
        };
    }

    static Source path(PathReader reader) {
        return s -> Scalars.of(reader.one(s.root, s.current));
    }

    static Source ref(int entityIndex) {
        return s -> s.keys[entityIndex];
    }
}
