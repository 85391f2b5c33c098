package io.strata.silver.extract;

import io.strata.silver.config.TimeFormat;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * Timestamps as instants at millisecond precision (what Silver's timestamp-millis columns hold):
 * ISO-8601, epoch seconds, milliseconds or microseconds (numbers or numeric strings), or a custom
 * pattern. Local times are in the rule's zone.
 */
final class TimestampCoercer implements Coercer {

    private final TimeFormat format;
    private final ZoneId zone;
    private final DateTimeFormatter pattern;
    private final PatternShape patternShape;
    private final String as;

    TimestampCoercer(TimeFormat format, String pattern, ZoneId zone) {
        this.format = format == null ? TimeFormat.ISO : format;
        this.zone = zone;
        this.pattern = pattern == null ? null : DateTimeFormatter.ofPattern(pattern, Locale.ROOT);
        this.patternShape = pattern == null ? null : PatternShape.of(pattern);
        this.as =
                pattern != null
                        ? "a time of pattern '" + pattern + "'"
                        : switch (this.format) {
                            case ISO -> "an ISO-8601 time";
                            case EPOCH_SECONDS -> "epoch seconds";
                            case EPOCH_MILLIS -> "epoch milliseconds";
                            default -> "epoch microseconds";
                        };
    }

    @Override
    public Object coerce(Object raw) throws Tier1Failure {
        try {
            return switch (format) {
                case ISO -> iso(raw);
                case PATTERN -> pattern(raw);
                case EPOCH_SECONDS -> Instant.ofEpochSecond(epoch(raw));
                case EPOCH_MILLIS -> Instant.ofEpochMilli(epoch(raw));
                case EPOCH_MICROS -> Instant.ofEpochMilli(Math.floorDiv(epoch(raw), 1000L));
            };
        } catch (DateTimeException | ArithmeticException e) {
            throw Coercer.cannot(raw, as);
        }
    }

    private Instant iso(Object raw) throws Tier1Failure {
        Long millis = raw instanceof String s ? IsoTimes.parseMillis(s.trim(), zone) : null;
        if (millis == null) {
            throw Coercer.cannot(raw, as);
        }
        return Instant.ofEpochMilli(millis);
    }

    private Instant pattern(Object raw) throws Tier1Failure {
        if (!(raw instanceof String s)) {
            throw Coercer.cannot(raw, as);
        }
        try {
            TemporalAccessor t = pattern.parse(s.trim());
            Instant i;
            if (patternShape == PatternShape.OFFSET) {
                i = Instant.from(t);
            } else if (patternShape == PatternShape.LOCAL_DATE_TIME) {
                i = LocalDateTime.from(t).atZone(zone).toInstant();
            } else {
                i = LocalDate.from(t).atStartOfDay(zone).toInstant();
            }
            return Instant.ofEpochMilli(i.toEpochMilli());
        } catch (DateTimeException | ArithmeticException e) {
            throw Coercer.cannot(raw, as);
        }
    }

    /**
     * What a pattern's letters make it: decided once, because trying each shape per value (as
     * {@code parseBest} does) costs an exception per try.
     */
    private enum PatternShape {
        OFFSET,
        LOCAL_DATE_TIME,
        LOCAL_DATE;

        static PatternShape of(String pattern) {
            String letters = pattern.replaceAll("'[^']*'", "");
            if (letters.matches(".*[XxZOVz].*")) {
                return OFFSET;
            }
            return letters.matches(".*[HhKkmsSnAN].*") ? LOCAL_DATE_TIME : LOCAL_DATE;
        }
    }

    private long epoch(Object raw) throws Tier1Failure {
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
                return Long.parseLong(s.trim());
            }
        } catch (ArithmeticException | NumberFormatException e) {
            throw Coercer.cannot(raw, as);
        }
        throw Coercer.cannot(raw, as);
    }
}
