package io.strata.silver.config;

import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * How one canonical field (or key part) gets its value: a source, then normalization, a value map,
 * a coercion to the field's type, an allowed-values check, a default and the required check.
 *
 * @param type the declared coercion, or null to infer it from the target field
 * @param format timestamp format, null for ISO (or {@link TimeFormat#PATTERN} with {@code pattern})
 * @param zone zone of local times (overrides the tenant default), null for the default
 * @param scale minor-unit digits with {@code minorUnits}, else the expected scale; null for the
 *     target's
 * @param rounding how a decimal with more digits than the target's scale is rounded; null: refuse
 * @param map value map (after normalization), null for none; mapped values may be null
 * @param allowed the canonical values allowed ({@code enum:}), null for any
 * @param defaultValue the canonical value used when the source yields nothing, null for none
 * @param required whether a missing value refuses the record; null: required when the target field
 *     is not nullable
 */
public record FieldRule(
        Source source,
        ValueType type,
        TimeFormat format,
        String pattern,
        String zone,
        Integer scale,
        boolean minorUnits,
        RoundingMode rounding,
        List<Normalizer> normalize,
        Map<String, String> map,
        Unmapped onUnmapped,
        List<String> allowed,
        YamlNode.Scalar defaultValue,
        Boolean required,
        int line) {

    /** Where the raw value comes from. */
    public sealed interface Source {}

    /** A JSONPath: {@code $} is the payload root, {@code @} the entity's element or context. */
    public record Path(String path) implements Source {}

    /** The first alternative that yields a non-blank value. */
    public record FirstOf(List<FieldRule> alternatives) implements Source {}

    /** A constant canonical value. */
    public record Const(YamlNode.Scalar value) implements Source {}

    /**
     * The key of another entity of the same record (for {@code parent}, the enclosing entity of a
     * foreach: its delete removes this one).
     */
    public record Ref(String entity, boolean parent) implements Source {}

    /** What an unmapped value becomes. */
    public enum Unmapped {
        /** Refuse the record (TYPE_COERCION_FAILED): a new code is news, not noise. */
        FAIL,
        KEEP,
        NULL
    }

    public FieldRule {
        normalize = normalize == null ? List.of() : List.copyOf(normalize);
    }

    /** A rule that only reads a path. */
    public static FieldRule path(String path, int line) {
        return new FieldRule(
                new Path(path),
                null,
                null,
                null,
                null,
                null,
                false,
                null,
                null,
                null,
                Unmapped.FAIL,
                null,
                null,
                null,
                line);
    }
}
