package io.strata.tools.analysts;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Values as the SQL client prints them in {@code tableau} mode, in the session's zone (UTC). */
final class Printed {

    static final String NULL = "<NULL>";

    private static final DateTimeFormatter MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MICROS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

    private Printed() {}

    /** An Iceberg timestamptz column: {@code TIMESTAMP_LTZ(6)}. */
    static String micros(Instant instant) {
        return instant == null ? NULL : MICROS.format(instant);
    }

    /** A {@code TIMESTAMP(3)} or {@code TIMESTAMP_LTZ(3)} column. */
    static String millis(Instant instant) {
        return instant == null ? NULL : MILLIS.format(instant);
    }

    static String of(Object value) {
        return value == null ? NULL : value.toString();
    }

    static String bool(boolean value) {
        return value ? "TRUE" : "FALSE";
    }
}
