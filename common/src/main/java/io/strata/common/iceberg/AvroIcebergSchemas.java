package io.strata.common.iceberg;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.flink.util.Preconditions;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;
import org.apache.iceberg.types.Types.NestedField;

/**
 * Derives an Iceberg schema from an Avro record schema, so the Avro definitions under {@code
 * schemas/} stay the one source of truth for topics and tables. Column names are the Avro field
 * names; a field is optional exactly when its Avro type is a union with null.
 *
 * <table>
 *   <caption>Type mapping</caption>
 *   <tr><th>Avro</th><th>Iceberg</th></tr>
 *   <tr><td>string, enum (symbol name)</td><td>string</td></tr>
 *   <tr><td>boolean, int, long, float, double</td><td>same</td></tr>
 *   <tr><td>long timestamp-millis / timestamp-micros</td><td>timestamptz</td></tr>
 *   <tr><td>long local-timestamp-millis / -micros</td><td>timestamp</td></tr>
 *   <tr><td>int date; int time-millis</td><td>date; time</td></tr>
 *   <tr><td>bytes / fixed with decimal(p, s)</td><td>decimal(p, s)</td></tr>
 *   <tr><td>bytes; fixed(n)</td><td>binary; fixed(n)</td></tr>
 *   <tr><td>record; array; map</td><td>struct; list; map&lt;string, V&gt;</td></tr>
 *   <tr><td>[null, T]</td><td>optional T</td></tr>
 * </table>
 *
 * Other unions are refused. Field ids are assigned depth first; a catalog re-assigns them when it
 * creates the table, and sinks match columns by name.
 */
public final class AvroIcebergSchemas {

    private AvroIcebergSchemas() {}

    /** The Iceberg schema of an Avro record schema. */
    public static Schema toIceberg(org.apache.avro.Schema record) {
        Preconditions.checkArgument(
                record.getType() == org.apache.avro.Schema.Type.RECORD,
                "Only an Avro record maps to a table, got %s",
                record.getType());
        return new Schema(struct(record, new AtomicInteger()).fields());
    }

    /** The non-null branch of a {@code [null, T]} union, or the schema itself. */
    static org.apache.avro.Schema nonNull(org.apache.avro.Schema schema) {
        if (schema.getType() != org.apache.avro.Schema.Type.UNION) {
            return schema;
        }
        List<org.apache.avro.Schema> branches = schema.getTypes();
        Preconditions.checkArgument(
                branches.size() == 2 && schema.isNullable(),
                "Only [null, T] unions map to Iceberg, got %s",
                schema);
        return branches.get(0).getType() == org.apache.avro.Schema.Type.NULL
                ? branches.get(1)
                : branches.get(0);
    }

    private static Types.StructType struct(org.apache.avro.Schema record, AtomicInteger ids) {
        List<NestedField> fields = new ArrayList<>();
        for (org.apache.avro.Schema.Field f : record.getFields()) {
            int id = ids.incrementAndGet();
            Type type = type(nonNull(f.schema()), ids);
            fields.add(
                    f.schema().isNullable()
                            ? NestedField.optional(id, f.name(), type, f.doc())
                            : NestedField.required(id, f.name(), type, f.doc()));
        }
        return Types.StructType.of(fields);
    }

    private static Type type(org.apache.avro.Schema schema, AtomicInteger ids) {
        LogicalType logical = schema.getLogicalType();
        if (logical instanceof LogicalTypes.Decimal decimal) {
            return Types.DecimalType.of(decimal.getPrecision(), decimal.getScale());
        }
        switch (schema.getType()) {
            case RECORD:
                return struct(schema, ids);
            case STRING:
            case ENUM:
                return Types.StringType.get();
            case BOOLEAN:
                return Types.BooleanType.get();
            case INT:
                return intType(logical);
            case LONG:
                return longType(logical);
            case FLOAT:
                return Types.FloatType.get();
            case DOUBLE:
                return Types.DoubleType.get();
            case BYTES:
                return Types.BinaryType.get();
            case FIXED:
                return Types.FixedType.ofLength(schema.getFixedSize());
            case ARRAY:
                return list(schema, ids);
            case MAP:
                return map(schema, ids);
            default:
                throw new IllegalArgumentException("No Iceberg type for Avro " + schema);
        }
    }

    private static Type intType(LogicalType logical) {
        if (logical instanceof LogicalTypes.Date) {
            return Types.DateType.get();
        }
        if (logical instanceof LogicalTypes.TimeMillis) {
            return Types.TimeType.get();
        }
        return Types.IntegerType.get();
    }

    private static Type longType(LogicalType logical) {
        if (logical instanceof LogicalTypes.TimestampMillis
                || logical instanceof LogicalTypes.TimestampMicros) {
            return Types.TimestampType.withZone();
        }
        if (logical instanceof LogicalTypes.LocalTimestampMillis
                || logical instanceof LogicalTypes.LocalTimestampMicros) {
            return Types.TimestampType.withoutZone();
        }
        if (logical instanceof LogicalTypes.TimeMicros) {
            return Types.TimeType.get();
        }
        return Types.LongType.get();
    }

    private static Type list(org.apache.avro.Schema array, AtomicInteger ids) {
        int elementId = ids.incrementAndGet();
        org.apache.avro.Schema element = array.getElementType();
        Type type = type(nonNull(element), ids);
        return element.isNullable()
                ? Types.ListType.ofOptional(elementId, type)
                : Types.ListType.ofRequired(elementId, type);
    }

    private static Type map(org.apache.avro.Schema map, AtomicInteger ids) {
        int keyId = ids.incrementAndGet();
        int valueId = ids.incrementAndGet();
        org.apache.avro.Schema value = map.getValueType();
        Type type = type(nonNull(value), ids);
        return value.isNullable()
                ? Types.MapType.ofOptional(keyId, valueId, Types.StringType.get(), type)
                : Types.MapType.ofRequired(keyId, valueId, Types.StringType.get(), type);
    }
}
