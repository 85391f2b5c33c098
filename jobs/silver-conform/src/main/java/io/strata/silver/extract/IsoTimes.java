package io.strata.silver.extract;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;

/**
 * ISO-8601 timestamps with or without offset (local times are in the given zone), or dates (start
 * of day). The common {@code yyyy-MM-ddTHH:mm:ss[.f][Z|±hh:mm|±hhmm|±hh]} shapes are parsed by
 * hand, several times faster than java.time's formatters; everything else goes to {@link
 * DateTimeFormatter#ISO_DATE_TIME}.
 */
final class IsoTimes {

    private IsoTimes() {}

    /** Epoch milliseconds (sub-millisecond digits truncated), or null when not ISO-8601. */
    static Long parseMillis(String s, ZoneId zone) {
        Long fast = fast(s, zone);
        return fast != null ? fast : slow(s, zone);
    }

    private static Long fast(String s, ZoneId zone) {
        int n = s.length();
        if (n < 19
                || s.charAt(4) != '-'
                || s.charAt(7) != '-'
                || s.charAt(10) != 'T'
                || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = digits(s, 17, 19);
        if ((year | month | day | hour | minute | second) < 0
                || month < 1
                || month > 12
                || day < 1
                || hour > 23
                || minute > 59
                || second > 59) {
            return null;
        }
        int i = 19;
        long millis = 0;
        if (i < n && s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && Character.isDigit(s.charAt(i))) {
                i++;
            }
            int count = i - start;
            if (count == 0 || count > 9) {
                return null;
            }
            millis = digits(s, start, Math.min(start + 3, i));
            for (int k = count; k < 3; k++) {
                millis *= 10;
            }
        }
        if (day > LocalDate.of(year, month, 1).lengthOfMonth()) {
            return null;
        }
        long local =
                LocalDate.of(year, month, day).toEpochDay() * 86_400L
                        + hour * 3600L
                        + minute * 60L
                        + second;
        Integer offset = offsetSeconds(s, i, local, zone);
        return offset == null ? null : (local - offset) * 1000L + millis;
    }

    /** The offset at {@code i} (Z, ±hh:mm, or none: the zone's), or null when malformed. */
    private static Integer offsetSeconds(String s, int i, long localEpochSecond, ZoneId zone) {
        int n = s.length();
        if (i == n) {
            if (zone instanceof ZoneOffset o) {
                return o.getTotalSeconds();
            }
            LocalDateTime ldt = LocalDateTime.ofEpochSecond(localEpochSecond, 0, ZoneOffset.UTC);
            return ldt.atZone(zone).getOffset().getTotalSeconds();
        }
        char c = s.charAt(i);
        if ((c == 'Z' || c == 'z') && i + 1 == n) {
            return 0;
        }
        if (c == '+' || c == '-') {
            // ±hh:mm, and the basic forms ±hhmm and ±hh that some producers write
            int h = i + 3 <= n ? digits(s, i + 1, i + 3) : -1;
            int m;
            if (i + 6 == n && s.charAt(i + 3) == ':') {
                m = digits(s, i + 4, i + 6);
            } else if (i + 5 == n) {
                m = digits(s, i + 3, i + 5);
            } else {
                m = i + 3 == n ? 0 : -1;
            }
            if (h < 0 || m < 0 || h > 18 || m > 59) {
                return null;
            }
            int total = h * 3600 + m * 60;
            return c == '-' ? -total : total;
        }
        return null;
    }

    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static Long slow(String s, ZoneId zone) {
        try {
            if (s.length() <= 10) {
                return LocalDate.parse(s).atStartOfDay(zone).toInstant().toEpochMilli();
            }
            TemporalAccessor t =
                    DateTimeFormatter.ISO_DATE_TIME.parseBest(
                            s, ZonedDateTime::from, LocalDateTime::from);
            Instant i =
                    t instanceof ZonedDateTime z
                            ? z.toInstant()
                            : ((LocalDateTime) t).atZone(zone).toInstant();
            return i.toEpochMilli();
        } catch (DateTimeException | ArithmeticException e) {
            return null;
        }
    }
}
