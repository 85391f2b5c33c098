package io.strata.silver.config;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * Parses constants and defaults, which a configuration writes as canonical values of the target
 * field: strings as is, integers, plain decimals (at most the field's scale), booleans, and
 * timestamps as ISO-8601 with offset or, without one, in the rule's zone.
 */
public final class CanonicalValues {

    private CanonicalValues() {}

    /** The value as the canonical Java type of {@code field}; IllegalArgumentException if not. */
    public static Object parse(CanonicalField field, String text, ZoneId zone) {
        try {
            return switch (field.kind()) {
                case STRING -> text;
                case INT -> Integer.parseInt(text.trim());
                case LONG -> Long.parseLong(text.trim());
                case DOUBLE -> Double.parseDouble(text.trim());
                case BOOLEAN -> bool(text);
                case DECIMAL -> new BigDecimal(text.trim()).setScale(field.scale());
                case TIMESTAMP -> instant(text.trim(), zone);
                case UNSUPPORTED -> throw new IllegalArgumentException("unsupported field type");
            };
        } catch (NumberFormatException | ArithmeticException | DateTimeException e) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a " + field.describe() + " value", e);
        }
    }

    private static Boolean bool(String text) {
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        throw new NumberFormatException(text);
    }

    private static Instant instant(String text, ZoneId zone) {
        Instant i;
        if (text.length() <= 10) {
            i = LocalDate.parse(text).atStartOfDay(zone).toInstant();
        } else if (hasOffset(text)) {
            i = OffsetDateTime.parse(text).toInstant();
        } else {
            i = LocalDateTime.parse(text).atZone(zone).toInstant();
        }
        return i.truncatedTo(ChronoUnit.MILLIS);
    }

    /** Whether an ISO date-time ends in Z or an offset (the time part holds a + or -). */
    static boolean hasOffset(String text) {
        int t = text.indexOf('T');
        if (t < 0) {
            return false;
        }
        char last = text.charAt(text.length() - 1);
        return last == 'Z' || last == 'z' || text.indexOf('+', t) > 0 || text.indexOf('-', t) > 0;
    }
}
