package io.strata.workload.render;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Globex's codes for canonical values, shared by both of its schema versions. */
final class GlobexCodes {

    /** The canonical vocabularies are small; caching keeps the hot path allocation-free. */
    private static final Map<String, String> UPPER = new ConcurrentHashMap<>();

    private GlobexCodes() {}

    /**
     * Statuses, channels, carriers and reasons are upper-case: {@code in_transit -> IN_TRANSIT}.
     */
    static String upper(String canonical) {
        return UPPER.computeIfAbsent(canonical, c -> c.toUpperCase(Locale.ROOT));
    }

    /** gold/silver/bronze as G/S/B. */
    static String segment(String canonical) {
        return canonical == null ? null : canonical.substring(0, 1).toUpperCase(Locale.ROOT);
    }

    /** Priorities as numbers: 1 urgent, 2 high, 3 normal, 4 low. */
    static int priority(String canonical) {
        return switch (canonical) {
            case "urgent" -> 1;
            case "high" -> 2;
            case "normal" -> 3;
            default -> 4;
        };
    }
}
