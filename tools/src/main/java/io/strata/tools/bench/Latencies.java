package io.strata.tools.bench;

import java.util.Arrays;

/**
 * Percentiles of per-event latencies (milliseconds), nearest-rank.
 *
 * @param count events measured
 */
public record Latencies(long count, long p50, long p95, long p99, long max) {

    public static final Latencies NONE = new Latencies(0, 0, 0, 0, 0);

    static Latencies of(long[] millis) {
        if (millis.length == 0) {
            return NONE;
        }
        long[] sorted = millis.clone();
        Arrays.sort(sorted);
        return new Latencies(
                sorted.length,
                rank(sorted, 0.50),
                rank(sorted, 0.95),
                rank(sorted, 0.99),
                sorted[sorted.length - 1]);
    }

    private static long rank(long[] sorted, double q) {
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
