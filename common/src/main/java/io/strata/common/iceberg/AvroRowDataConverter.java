package io.strata.common.iceberg;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.IndexedRecord;
import org.apache.flink.table.data.DecimalData;
import org.apache.flink.table.data.GenericArrayData;
import org.apache.flink.table.data.GenericMapData;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.util.Preconditions;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

/**
 * Converts Avro records (generic or generated) to Flink {@link RowData} shaped like an Iceberg
 * table: columns are matched by name, so a table that gained columns stays writable (missing Avro
 * fields become null). Types follow {@link AvroIcebergSchemas}.
 */
public final class AvroRowDataConverter {

    private final Function<Object, Object> root;

    private AvroRowDataConverter(Function<Object, Object> root) {
        this.root = root;
    }

    /** A converter from records of {@code avro} to rows of the struct {@code table}. */
    public static AvroRowDataConverter of(org.apache.avro.Schema avro, Types.StructType table) {
        return new AvroRowDataConverter(record(avro, table));
    }

    public RowData convert(IndexedRecord record) {
        return (RowData) root.apply(record);
    }

    private static Function<Object, Object> record(
            org.apache.avro.Schema avro, Types.StructType struct) {
        List<Types.NestedField> columns = struct.fields();
        int[] positions = new int[columns.size()];
        @SuppressWarnings("unchecked")
        Function<Object, Object>[] converters = new Function[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            Types.NestedField column = columns.get(i);
            org.apache.avro.Schema.Field field = avro.getField(column.name());
            Preconditions.checkArgument(
                    field != null || column.isOptional(),
                    "Required column %s has no field in Avro %s",
                    column.name(),
                    avro.getFullName());
            positions[i] = field == null ? -1 : field.pos();
            converters[i] =
                    field == null
                            ? v -> null
                            : value(AvroIcebergSchemas.nonNull(field.schema()), column.type());
        }
        return value -> {
            IndexedRecord r = (IndexedRecord) value;
            GenericRowData row = new GenericRowData(positions.length);
            for (int i = 0; i < positions.length; i++) {
                Object v = positions[i] < 0 ? null : r.get(positions[i]);
                row.setField(i, v == null ? null : converters[i].apply(v));
            }
            return row;
        };
    }

    private static Function<Object, Object> value(org.apache.avro.Schema avro, Type type) {
        LogicalType logical = avro.getLogicalType();
        switch (type.typeId()) {
            case STRUCT:
                return record(avro, type.asStructType());
            case STRING:
                return v -> StringData.fromString(v.toString());
            case TIMESTAMP:
                return timestamp(logical);
            case DATE:
                return v -> v instanceof LocalDate d ? (int) d.toEpochDay() : v;
            case TIME:
                return time(logical);
            case DECIMAL:
                Types.DecimalType decimal = (Types.DecimalType) type;
                return v ->
                        DecimalData.fromBigDecimal(
                                (BigDecimal) v, decimal.precision(), decimal.scale());
            case BINARY:
            case FIXED:
                return AvroRowDataConverter::bytes;
            case LIST:
                return list(avro, type.asListType());
            case MAP:
                return map(avro, type.asMapType());
            default:
                return Function.identity();
        }
    }

    private static Function<Object, Object> timestamp(LogicalType logical) {
        boolean micros =
                logical instanceof LogicalTypes.TimestampMicros
                        || logical instanceof LogicalTypes.LocalTimestampMicros;
        return v -> {
            if (v instanceof Instant i) {
                return TimestampData.fromInstant(i);
            }
            if (v instanceof LocalDateTime t) {
                return TimestampData.fromLocalDateTime(t);
            }
            long n = (Long) v;
            return micros
                    ? TimestampData.fromEpochMillis(
                            Math.floorDiv(n, 1000), (int) Math.floorMod(n, 1000) * 1000)
                    : TimestampData.fromEpochMillis(n);
        };
    }

    private static Function<Object, Object> time(LogicalType logical) {
        boolean micros = logical instanceof LogicalTypes.TimeMicros;
        return v -> {
            if (v instanceof LocalTime t) {
                return (int) (t.toNanoOfDay() / 1_000_000);
            }
            return micros ? (int) ((Long) v / 1000) : v;
        };
    }

    private static Object bytes(Object v) {
        if (v instanceof ByteBuffer buffer) {
            ByteBuffer b = buffer.duplicate();
            byte[] copy = new byte[b.remaining()];
            b.get(copy);
            return copy;
        }
        return v instanceof GenericFixed f ? f.bytes() : v;
    }

    private static Function<Object, Object> list(org.apache.avro.Schema avro, Types.ListType t) {
        Function<Object, Object> element =
                value(AvroIcebergSchemas.nonNull(avro.getElementType()), t.elementType());
        return v -> {
            Collection<?> items = (Collection<?>) v;
            Object[] out = new Object[items.size()];
            int i = 0;
            for (Object item : items) {
                out[i++] = item == null ? null : element.apply(item);
            }
            return new GenericArrayData(out);
        };
    }

    private static Function<Object, Object> map(org.apache.avro.Schema avro, Types.MapType t) {
        Function<Object, Object> valueOf =
                value(AvroIcebergSchemas.nonNull(avro.getValueType()), t.valueType());
        return v -> {
            Map<Object, Object> out = new HashMap<>();
            ((Map<?, ?>) v)
                    .forEach(
                            (key, value) ->
                                    out.put(
                                            StringData.fromString(key.toString()),
                                            value == null ? null : valueOf.apply(value)));
            return new GenericMapData(out);
        };
    }
}
