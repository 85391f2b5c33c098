package io.strata.tools.analysts;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/**
 * The Flink SQL column a field of an Avro record reads as through the {@code avro-confluent} format
 * of Flink 1.20 (its legacy timestamp mapping: {@code timestamp-millis} is {@code TIMESTAMP(3)}),
 * written as a column definition: {@code name TYPE [NOT NULL]}.
 */
final class AvroSqlTypes {

    private AvroSqlTypes() {}

    /** One column definition per field of {@code record}. */
    static List<String> columns(Schema record) {
        List<String> columns = new ArrayList<>();
        for (Schema.Field field : record.getFields()) {
            columns.add(field.name() + " " + type(field.schema()));
        }
        return columns;
    }

    /** Whether {@code schema} has an enum anywhere (a derived reader schema cannot read one). */
    static boolean hasEnum(Schema schema) {
        return switch (schema.getType()) {
            case ENUM -> true;
            case RECORD -> schema.getFields().stream().anyMatch(f -> hasEnum(f.schema()));
            case UNION -> schema.getTypes().stream().anyMatch(AvroSqlTypes::hasEnum);
            case ARRAY -> hasEnum(schema.getElementType());
            case MAP -> hasEnum(schema.getValueType());
            default -> false;
        };
    }

    private static String type(Schema schema) {
        if (schema.isNullable()) {
            return nonNullType(nonNull(schema));
        }
        return nonNullType(schema) + " NOT NULL";
    }

    private static Schema nonNull(Schema union) {
        return union.getTypes().stream()
                .filter(s -> s.getType() != Schema.Type.NULL)
                .findFirst()
                .orElseThrow();
    }

    private static String nonNullType(Schema schema) {
        LogicalType logical = schema.getLogicalType();
        if (logical instanceof LogicalTypes.Decimal d) {
            return "DECIMAL(" + d.getPrecision() + ", " + d.getScale() + ")";
        }
        if (logical instanceof LogicalTypes.TimestampMillis) {
            return "TIMESTAMP(3)";
        }
        if (logical != null) {
            throw new IllegalArgumentException("No column type for Avro " + schema);
        }
        return switch (schema.getType()) {
            case STRING, ENUM -> "STRING";
            case INT -> "INT";
            case LONG -> "BIGINT";
            case BOOLEAN -> "BOOLEAN";
            case DOUBLE -> "DOUBLE";
            case FLOAT -> "FLOAT";
            case BYTES -> "BYTES";
            case RECORD -> "ROW<" + String.join(", ", columns(schema)) + ">";
            case ARRAY -> "ARRAY<" + type(schema.getElementType()) + ">";
            case MAP -> "MAP<STRING NOT NULL, " + type(schema.getValueType()) + ">";
            default -> throw new IllegalArgumentException("No column type for Avro " + schema);
        };
    }
}
