package io.strata.tools.analysts;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.avro.generic.IndexedRecord;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

/**
 * Avro records of the model classes as rows of the Iceberg tables derived from them (by field
 * name), in the Java types of Iceberg's generic data: {@code timestamptz} as {@code
 * OffsetDateTime}, strings and enum symbols as {@code String}.
 */
final class IcebergRecords {

    private IcebergRecords() {}

    static Record of(Types.StructType struct, IndexedRecord avro) {
        GenericRecord row = GenericRecord.create(struct);
        for (Types.NestedField field : struct.fields()) {
            Object value = avro.get(avro.getSchema().getField(field.name()).pos());
            row.setField(field.name(), value(field.type(), value));
        }
        return row;
    }

    private static Object value(Type type, Object value) {
        if (value == null) {
            return null;
        }
        return switch (type.typeId()) {
            case STRING -> value.toString();
            case TIMESTAMP -> timestamp((Types.TimestampType) type, (Instant) value);
            case BINARY -> ((ByteBuffer) value).duplicate();
            case STRUCT -> of(type.asStructType(), (IndexedRecord) value);
            case LIST -> list(type.asListType(), (List<?>) value);
            case MAP -> map(type.asMapType(), (Map<?, ?>) value);
            default -> value;
        };
    }

    private static Object timestamp(Types.TimestampType type, Instant instant) {
        return type.shouldAdjustToUTC()
                ? instant.atOffset(ZoneOffset.UTC)
                : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static List<Object> list(Types.ListType type, List<?> values) {
        return values.stream().map(v -> value(type.elementType(), v)).toList();
    }

    private static Map<String, Object> map(Types.MapType type, Map<?, ?> values) {
        return values.entrySet().stream()
                .collect(
                        Collectors.toMap(
                                e -> e.getKey().toString(),
                                e -> value(type.valueType(), e.getValue())));
    }
}
