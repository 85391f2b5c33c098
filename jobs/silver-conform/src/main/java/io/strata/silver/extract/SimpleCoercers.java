package io.strata.silver.extract;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Coercions to strings, integers, booleans and doubles. */
final class SimpleCoercers {

    private SimpleCoercers() {}

    /** Text as is; numbers exactly as written (a 64-bit id stays exact); booleans as words. */
    static final Coercer STRING =
            raw -> {
                String s = Scalars.text(raw);
                if (s == null) {
                    throw Coercer.cannot(raw, "a string (it is not a scalar)");
                }
                return s;
            };

    static final Coercer BOOLEAN =
            raw -> {
                if (raw instanceof Boolean b) {
                    return b;
                }
                if (raw instanceof String s
                        && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
                    return Boolean.parseBoolean(s);
                }
                if (raw instanceof Long l && (l == 0 || l == 1)) {
                    return l == 1;
                }
                throw Coercer.cannot(raw, "a boolean");
            };

    static final Coercer DOUBLE =
            raw -> {
                if (raw instanceof Number n) {
                    return n.doubleValue();
                }
                if (raw instanceof String s) {
                    try {
                        return Double.parseDouble(s.trim());
                    } catch (NumberFormatException e) {
                        throw Coercer.cannot(raw, "a number");
                    }
                }
                throw Coercer.cannot(raw, "a number");
            };

    /** Whole numbers from JSON numbers or numeric strings; never rounded, never wrapped. */
    static Coercer integer(boolean intTarget) {
        String as = intTarget ? "a 32-bit integer" : "an integer";
        return raw -> {
            long v = exactLong(raw, as);
            if (intTarget) {
                if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                    throw Coercer.cannot(raw, as);
                }
                return (int) v;
            }
            return v;
        };
    }

    private static long exactLong(Object raw, String as) throws Tier1Failure {
        try {
            if (raw instanceof Long l) {
                return l;
            }
            if (raw instanceof BigInteger b) {
                return b.longValueExact();
            }
            if (raw instanceof BigDecimal d) {
                return d.longValueExact();
            }
            if (raw instanceof String s) {
                String t = s.trim();
                try {
                    return Long.parseLong(t);
                } catch (NumberFormatException e) {
                    return new BigDecimal(t).longValueExact();
                }
            }
        } catch (ArithmeticException | NumberFormatException e) {
            throw Coercer.cannot(raw, as);
        }
        throw Coercer.cannot(raw, as);
    }
}
