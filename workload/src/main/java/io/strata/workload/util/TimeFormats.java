package io.strata.workload.util;

/**
 * Allocation-free timestamp formatting for the renderers (java.time's formatters dominate the
 * generator's profile otherwise). Every format is lossless for the precision it prints.
 */
public final class TimeFormats {

    private static final long MILLIS_PER_DAY = 86_400_000L;

    private TimeFormats() {}

    /** {@code 2024-01-31T09:05:00.123Z}: the envelope's event time. */
    public static void isoUtcMillis(StringBuilder sb, long epochMillis) {
        date(sb, epochMillis, '-', true);
        sb.append('T');
        time(sb, epochMillis, true);
        sb.append('Z');
    }

    /** {@code 2024-01-31T04:05:00.123-05:00}: ISO-8601 with a fixed offset. */
    public static void isoOffset(StringBuilder sb, long epochMillis, int offsetMinutes) {
        long local = epochMillis + offsetMinutes * 60_000L;
        date(sb, local, '-', true);
        sb.append('T');
        time(sb, local, true);
        offset(sb, offsetMinutes);
    }

    /** {@code 2024-01-31T18:05:00}: ISO-8601 local time without offset, whole seconds. */
    public static void isoLocalSeconds(StringBuilder sb, long epochMillis, int offsetMinutes) {
        long local = epochMillis + offsetMinutes * 60_000L;
        date(sb, local, '-', true);
        sb.append('T');
        time(sb, local, false);
    }

    /** {@code 31.01.2024 18:05:00}: the pattern {@code dd.MM.yyyy HH:mm:ss}, local time. */
    public static void dayMonthYear(StringBuilder sb, long epochMillis, int offsetMinutes) {
        long local = epochMillis + offsetMinutes * 60_000L;
        date(sb, local, '.', false);
        sb.append(' ');
        time(sb, local, false);
    }

    private static void date(StringBuilder sb, long millis, char sep, boolean yearFirst) {
        long days = Math.floorDiv(millis, MILLIS_PER_DAY) + 719_468;
        long era = Math.floorDiv(days, 146_097);
        long doe = days - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        int day = (int) (doy - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        int year = (int) (yoe + era * 400 + (month <= 2 ? 1 : 0));
        if (yearFirst) {
            pad(sb, year, 4).append(sep);
            pad(sb, month, 2).append(sep);
            pad(sb, day, 2);
        } else {
            pad(sb, day, 2).append(sep);
            pad(sb, month, 2).append(sep);
            pad(sb, year, 4);
        }
    }

    private static void time(StringBuilder sb, long millis, boolean withMillis) {
        int ms = (int) Math.floorMod(millis, MILLIS_PER_DAY);
        pad(sb, ms / 3_600_000, 2).append(':');
        pad(sb, ms / 60_000 % 60, 2).append(':');
        pad(sb, ms / 1000 % 60, 2);
        if (withMillis) {
            pad(sb.append('.'), ms % 1000, 3);
        }
    }

    private static void offset(StringBuilder sb, int offsetMinutes) {
        sb.append(offsetMinutes < 0 ? '-' : '+');
        int abs = Math.abs(offsetMinutes);
        pad(sb, abs / 60, 2).append(':');
        pad(sb, abs % 60, 2);
    }

    private static StringBuilder pad(StringBuilder sb, int value, int width) {
        for (int limit = 10, w = 1; w < width; w++, limit *= 10) {
            if (value < limit) {
                sb.append('0');
            }
        }
        return sb.append(value);
    }
}
