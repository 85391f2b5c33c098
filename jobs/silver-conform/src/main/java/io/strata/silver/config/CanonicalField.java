package io.strata.silver.config;

import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/**
 * One content field of a canonical Silver entity, read from its Avro schema: its position, the kind
 * of value it holds and whether it may be null.
 */
public record CanonicalField(
        String name, int position, Kind kind, boolean nullable, int precision, int scale) {

    /** The value kinds a rule can produce. */
    public enum Kind {
        STRING,
        INT,
        LONG,
        DECIMAL,
        TIMESTAMP,
        BOOLEAN,
        DOUBLE,
        /** Anything a rule cannot fill (records, arrays, maps, bytes without a decimal type). */
        UNSUPPORTED
    }

    static CanonicalField of(Schema.Field field) {
        Schema schema = field.schema();
        boolean nullable = false;
        if (schema.getType() == Schema.Type.UNION) {
            Schema nonNull = null;
            for (Schema s : schema.getTypes()) {
                if (s.getType() == Schema.Type.NULL) {
                    nullable = true;
                } else {
                    nonNull = nonNull == null ? s : null;
                }
            }
            schema = nonNull == null ? Schema.create(Schema.Type.NULL) : nonNull;
        }
        LogicalType logical = schema.getLogicalType();
        if (logical instanceof LogicalTypes.Decimal d) {
            return new CanonicalField(
                    field.name(),
                    field.pos(),
                    Kind.DECIMAL,
                    nullable,
                    d.getPrecision(),
                    d.getScale());
        }
        return new CanonicalField(field.name(), field.pos(), kind(schema, logical), nullable, 0, 0);
    }

    private static Kind kind(Schema schema, LogicalType logical) {
        return switch (schema.getType()) {
            case STRING -> Kind.STRING;
            case INT -> logical == null ? Kind.INT : Kind.UNSUPPORTED;
            case LONG ->
                    logical == null
                            ? Kind.LONG
                            : logical instanceof LogicalTypes.TimestampMillis
                                    ? Kind.TIMESTAMP
                                    : Kind.UNSUPPORTED;
            case BOOLEAN -> Kind.BOOLEAN;
            case DOUBLE -> Kind.DOUBLE;
            default -> Kind.UNSUPPORTED;
        };
    }

    /** How the field's type reads in messages: {@code decimal(18,2)}, {@code string}, ... */
    public String describe() {
        String base =
                kind == Kind.DECIMAL
                        ? "decimal(" + precision + "," + scale + ")"
                        : kind == Kind.TIMESTAMP ? "timestamp" : kind.name().toLowerCase();
        return nullable ? base : base + " (not null)";
    }
}
