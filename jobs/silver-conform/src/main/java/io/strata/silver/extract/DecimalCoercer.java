package io.strata.silver.extract;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Decimals from JSON numbers or numeric strings, optionally in minor units ({@code 2090} cents with
 * scale 2 is {@code 20.90}), at the target's scale: exactly, unless the rule declares a rounding.
 */
final class DecimalCoercer implements Coercer {

    private final boolean minorUnits;
    private final int minorScale;
    private final int scale;
    private final int precision;
    private final RoundingMode rounding;
    private final String as;

    DecimalCoercer(
            boolean minorUnits, int minorScale, int scale, int precision, RoundingMode rounding) {
        this.minorUnits = minorUnits;
        this.minorScale = minorScale;
        this.scale = scale;
        this.precision = precision;
        this.rounding = rounding == null ? RoundingMode.UNNECESSARY : rounding;
        this.as =
                minorUnits
                        ? "a whole amount of minor units"
                        : "a decimal(" + precision + "," + scale + ")";
    }

    @Override
    public Object coerce(Object raw) throws Tier1Failure {
        BigDecimal d = minorUnits ? minor(raw) : decimal(raw);
        try {
            d = d.setScale(scale, rounding);
        } catch (ArithmeticException e) {
            throw Tier1Failure.coercion(
                    Scalars.describe(raw) + " has more than " + scale + " decimal places");
        }
        if (d.precision() > precision) {
            throw Tier1Failure.coercion(
                    Scalars.describe(raw)
                            + " does not fit decimal("
                            + precision
                            + ","
                            + scale
                            + ")");
        }
        return d;
    }

    private BigDecimal minor(Object raw) throws Tier1Failure {
        if (raw instanceof Long l) {
            return BigDecimal.valueOf(l, minorScale);
        }
        try {
            BigInteger units = raw instanceof BigInteger b ? b : decimal(raw).toBigIntegerExact();
            return new BigDecimal(units, minorScale);
        } catch (ArithmeticException e) {
            throw Coercer.cannot(raw, as);
        }
    }

    private BigDecimal decimal(Object raw) throws Tier1Failure {
        if (raw instanceof BigDecimal d) {
            return d;
        }
        if (raw instanceof Long l) {
            return BigDecimal.valueOf(l);
        }
        if (raw instanceof BigInteger b) {
            return new BigDecimal(b);
        }
        if (raw instanceof String s) {
            try {
                return new BigDecimal(s.trim());
            } catch (NumberFormatException e) {
                throw Coercer.cannot(raw, as);
            }
        }
        throw Coercer.cannot(raw, as);
    }
}
