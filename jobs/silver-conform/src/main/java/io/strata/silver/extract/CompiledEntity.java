package io.strata.silver.extract;

import com.fasterxml.jackson.databind.JsonNode;
import io.strata.model.QuarantineReason;
import io.strata.silver.config.CanonicalEntity;
import io.strata.silver.config.CanonicalField;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.avro.specific.SpecificRecordBase;

/** One entity of a record type, compiled: its key and field rules and where they go. */
final class CompiledEntity {

    final int index;
    final String name;
    final CanonicalEntity type;
    final boolean master;
    final int metaPosition;
    final String[] hashNames;
    private final boolean optional;
    private final PathReader context;
    private final CompiledRule[] key;
    private final int[] keyPositions;
    private final CompiledRule[] fields;
    private final int[] fieldPositions;
    private final int[] hashOrder;
    private final int[] zeroPositions;
    private final Object[] zeroValues;

    CompiledEntity(
            int index,
            String name,
            CanonicalEntity type,
            boolean master,
            boolean optional,
            PathReader context,
            List<CompiledRule> key,
            List<String> fieldNames,
            List<CompiledRule> fields) {
        this.index = index;
        this.name = name;
        this.type = type;
        this.master = master;
        this.optional = optional;
        this.context = context;
        this.key = key.toArray(new CompiledRule[0]);
        this.keyPositions =
                type.keyFields().stream().mapToInt(f -> type.field(f).position()).toArray();
        this.fields = fields.toArray(new CompiledRule[0]);
        this.fieldPositions = fieldNames.stream().mapToInt(f -> type.field(f).position()).toArray();
        this.metaPosition = type.metaPosition();
        Integer[] order = new Integer[fieldNames.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparing(fieldNames::get));
        this.hashOrder = Arrays.stream(order).mapToInt(Integer::intValue).toArray();
        this.hashNames = Arrays.stream(order).map(fieldNames::get).toArray(String[]::new);
        List<CanonicalField> required = new ArrayList<>();
        type.contentFields()
                .forEach(
                        f -> {
                            if (!f.nullable()) {
                                required.add(f);
                            }
                        });
        this.zeroPositions = required.stream().mapToInt(CanonicalField::position).toArray();
        this.zeroValues = required.stream().map(CompiledEntity::zero).toArray();
    }

    /** The entity's row, or null when it is optional and has no key here. */
    SilverRow extract(Scope s, int element, RowContext ctx) throws Tier1Failure {
        JsonNode outer = s.current;
        try {
            Object[] keyValues = keyValues(s, element);
            if (keyValues == null) {
                s.keys[index] = null;
                return null;
            }
            String k = join(keyValues);
            s.keys[index] = k;
            Object[] values = new Object[fields.length];
            for (int i = 0; i < fields.length; i++) {
                values[i] = eval(fields[i], s, element, true);
            }
            return ctx.row(this, k, keyValues, values);
        } finally {
            s.current = outer;
        }
    }

    /** The tombstone a delete of this entity yields (deletes carry only the key). */
    SilverRow tombstone(Scope s, RowContext ctx) throws Tier1Failure {
        Object[] keyValues = keyValues(s, -1);
        if (keyValues == null) {
            throw new Tier1Failure(QuarantineReason.NULL_KEY, "the key is null")
                    .at(label(-1) + "." + key[0].label);
        }
        return ctx.tombstone(this, join(keyValues), keyValues);
    }

    private Object[] keyValues(Scope s, int element) throws Tier1Failure {
        if (context != null) {
            try {
                s.current = context.one(s.root, s.current);
            } catch (Tier1Failure f) {
                throw f.at(label(element) + " context " + context.text());
            }
        }
        Object[] values = new Object[key.length];
        for (int i = 0; i < key.length; i++) {
            values[i] = eval(key[i], s, element, false);
            if (values[i] == null || ((String) values[i]).isBlank()) {
                if (optional) {
                    return null;
                }
                throw new Tier1Failure(QuarantineReason.NULL_KEY, "the key is null")
                        .at(label(element) + "." + key[i].label);
            }
        }
        return values;
    }

    private Object eval(CompiledRule r, Scope s, int element, boolean checkRequired)
            throws Tier1Failure {
        try {
            return checkRequired ? r.value(s) : r.valueOrNull(s);
        } catch (Tier1Failure f) {
            throw f.at(label(element) + "." + r.label);
        }
    }

    private String label(int element) {
        return element < 0 ? name : name + "[" + element + "]";
    }

    private static String join(Object[] keyValues) {
        if (keyValues.length == 1) {
            return (String) keyValues[0];
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < keyValues.length; i++) {
            sb.append(i == 0 ? "" : String.valueOf(SilverRow.KEY_SEPARATOR)).append(keyValues[i]);
        }
        return sb.toString();
    }

    void putKey(SpecificRecordBase r, Object[] keyValues) {
        for (int i = 0; i < keyPositions.length; i++) {
            r.put(keyPositions[i], keyValues[i]);
        }
    }

    void putFields(SpecificRecordBase r, Object[] values) {
        for (int i = 0; i < fieldPositions.length; i++) {
            r.put(fieldPositions[i], values[i]);
        }
    }

    /** A tombstone's non-nullable content columns hold zeros so it still serializes. */
    void putZeros(SpecificRecordBase r) {
        for (int i = 0; i < zeroPositions.length; i++) {
            r.put(zeroPositions[i], zeroValues[i]);
        }
    }

    Object[] hashValues(Object[] values) {
        Object[] out = new Object[hashOrder.length];
        for (int i = 0; i < hashOrder.length; i++) {
            out[i] = values[hashOrder[i]];
        }
        return out;
    }

    private static Object zero(CanonicalField f) {
        return switch (f.kind()) {
            case STRING -> "";
            case INT -> 0;
            case LONG -> 0L;
            case DOUBLE -> 0.0;
            case BOOLEAN -> false;
            case TIMESTAMP -> Instant.EPOCH;
            case DECIMAL -> BigDecimal.ZERO.setScale(f.scale());
            case UNSUPPORTED -> null;
        };
    }
}
