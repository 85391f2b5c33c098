package io.strata.common.serde;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.avro.shaded.org.apache.avro.generic.GenericData;
import org.apache.flink.avro.shaded.org.apache.avro.generic.GenericRecord;

/**
 * Moves records between the project's generated classes and generic records of the Avro copy shaded
 * into Flink's Confluent format jar, and compares them field by field as plain Java values.
 */
final class ShadedRecords {

    private ShadedRecords() {}

    /** The shaded schema with the same text as a project schema. */
    static org.apache.flink.avro.shaded.org.apache.avro.Schema shaded(Schema schema) {
        return new org.apache.flink.avro.shaded.org.apache.avro.Schema.Parser()
                .parse(schema.toString());
    }

    /** Every field of a project record as a plain Java value (nested records as maps). */
    static Map<String, Object> fieldsOf(SpecificRecord record) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Schema.Field f : record.getSchema().getFields()) {
            fields.put(f.name(), plain(record.get(f.pos())));
        }
        return fields;
    }

    private static Object plain(Object value) {
        if (value instanceof SpecificRecord nested) {
            return fieldsOf(nested);
        }
        if (value instanceof CharSequence || value instanceof Enum<?>) {
            return value.toString();
        }
        return value;
    }

    /** Every field of a shaded generic record as a plain Java value, logical types applied. */
    static Map<String, Object> fieldsOf(GenericRecord record) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (var f : record.getSchema().getFields()) {
            fields.put(f.name(), plain(record.get(f.name()), schemaText(f.schema())));
        }
        return fields;
    }

    private static Object plain(Object value, Schema schema) {
        Schema type = nonNull(schema);
        if (value == null) {
            return null;
        }
        if (value instanceof GenericRecord nested) {
            return fieldsOf(nested);
        }
        if (value instanceof ByteBuffer bytes
                && type.getLogicalType() instanceof LogicalTypes.Decimal d) {
            return new BigDecimal(new BigInteger(bytes(bytes)), d.getScale());
        }
        if (value instanceof Long millis
                && type.getLogicalType() instanceof LogicalTypes.TimestampMillis) {
            return Instant.ofEpochMilli(millis);
        }
        if (value instanceof CharSequence
                || value
                        instanceof
                        org.apache.flink.avro.shaded.org.apache.avro.generic.GenericEnumSymbol<?>) {
            return value.toString();
        }
        return value;
    }

    /** A shaded generic record carrying the same values as a project record. */
    static GenericRecord toShaded(SpecificRecord record) {
        GenericRecord shaded = new GenericData.Record(shaded(record.getSchema()));
        for (Schema.Field f : record.getSchema().getFields()) {
            shaded.put(
                    f.name(),
                    raw(record.get(f.pos()), shaded.getSchema().getField(f.name()).schema()));
        }
        return shaded;
    }

    private static Object raw(
            Object value, org.apache.flink.avro.shaded.org.apache.avro.Schema schema) {
        if (value instanceof BigDecimal decimal) {
            return ByteBuffer.wrap(decimal.unscaledValue().toByteArray());
        }
        if (value instanceof Instant instant) {
            return instant.toEpochMilli();
        }
        if (value instanceof Enum<?> symbol) {
            return new GenericData.EnumSymbol(nonNullShaded(schema), symbol.name());
        }
        if (value instanceof SpecificRecord nested) {
            return toShaded(nested);
        }
        return value;
    }

    private static Schema schemaText(org.apache.flink.avro.shaded.org.apache.avro.Schema shaded) {
        return new Schema.Parser().parse(shaded.toString());
    }

    private static Schema nonNull(Schema schema) {
        if (schema.getType() != Schema.Type.UNION) {
            return schema;
        }
        return schema.getTypes().stream()
                .filter(s -> s.getType() != Schema.Type.NULL)
                .findFirst()
                .orElseThrow();
    }

    private static org.apache.flink.avro.shaded.org.apache.avro.Schema nonNullShaded(
            org.apache.flink.avro.shaded.org.apache.avro.Schema schema) {
        if (schema.getType() != org.apache.flink.avro.shaded.org.apache.avro.Schema.Type.UNION) {
            return schema;
        }
        return schema.getTypes().stream()
                .filter(
                        s ->
                                s.getType()
                                        != org.apache.flink.avro.shaded.org.apache.avro.Schema.Type
                                                .NULL)
                .findFirst()
                .orElseThrow();
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
