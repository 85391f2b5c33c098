package io.strata.silver.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * JSON values as the plain Java values rules work on: String, Long, BigInteger, BigDecimal,
 * Boolean, or the node itself for objects and arrays; null for missing or JSON null.
 */
final class Scalars {

    private Scalars() {}

    static Object of(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return null;
        }
        if (n.isTextual()) {
            return n.textValue();
        }
        if (n.isIntegralNumber()) {
            return n.canConvertToLong() ? (Object) n.longValue() : n.bigIntegerValue();
        }
        if (n.isNumber()) {
            return n.isBigDecimal() ? n.decimalValue() : BigDecimal.valueOf(n.doubleValue());
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        return n;
    }

    /** The text a value map and string coercion see: numbers exactly as written. */
    static String text(Object v) {
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof Long || v instanceof BigInteger || v instanceof Boolean) {
            return v.toString();
        }
        return null;
    }

    /** How a value reads in a refusal: {@code 'abc'}, {@code 12.5}, {@code an object}. */
    static String describe(Object v) {
        if (v instanceof String s) {
            return "'" + (s.length() > 60 ? s.substring(0, 60) + "..." : s) + "'";
        }
        if (v instanceof JsonNode n) {
            return n.isArray() ? "an array" : "an object";
        }
        return String.valueOf(text(v));
    }
}
