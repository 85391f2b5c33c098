package io.strata.silver.config;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One entity a record type yields: its canonical type, where it sits in the payload ({@code
 * foreach} over an array, {@code context} for {@code @}), its key and its field rules.
 *
 * @param name the entity's name within the record type (usually the canonical name)
 * @param foreach JSONPath of the array whose elements each yield one entity, or null
 * @param context JSONPath of the node {@code @} stands for, or null
 * @param optional whether a missing key skips the entity instead of refusing the record
 * @param key one rule per business-key field of the canonical entity, in its order
 */
public record EntityConfig(
        String name,
        CanonicalEntity entity,
        String foreach,
        String context,
        boolean optional,
        List<FieldRule> key,
        Map<String, FieldRule> fields,
        int line) {

    public boolean isForeach() {
        return foreach != null;
    }

    /** Whether {@code @} means something in this entity's rules. */
    public boolean hasCurrentNode() {
        return foreach != null || context != null;
    }

    /** The entities this entity's rules refer to ({@code ref} and {@code parent}). */
    public Set<String> references() {
        Set<String> out = new LinkedHashSet<>();
        key.forEach(r -> collect(r, out));
        fields.values().forEach(r -> collect(r, out));
        return out;
    }

    private static void collect(FieldRule r, Set<String> out) {
        if (r.source() instanceof FieldRule.Ref ref) {
            out.add(ref.entity());
        } else if (r.source() instanceof FieldRule.FirstOf f) {
            f.alternatives().forEach(a -> collect(a, out));
        }
    }
}
