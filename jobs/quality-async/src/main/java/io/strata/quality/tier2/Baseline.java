package io.strata.quality.tier2;

import java.util.List;

/**
 * The closed windows a window is judged against, oldest first: each a {@code long[]} of its row
 * count then, per nullable field of the entity, the rows leaving it null.
 */
record Baseline(List<long[]> windows) {

    int size() {
        return windows.size();
    }

    double meanRows() {
        return windows.stream().mapToLong(w -> w[0]).average().orElse(0);
    }

    /** Population standard deviation of the row counts. */
    double stddevRows() {
        double mean = meanRows();
        return Math.sqrt(
                windows.stream()
                        .mapToDouble(w -> (w[0] - mean) * (w[0] - mean))
                        .average()
                        .orElse(0));
    }

    long totalRows() {
        return windows.stream().mapToLong(w -> w[0]).sum();
    }

    /** Rows leaving field {@code i} null, over all windows. */
    long totalNulls(int i) {
        return windows.stream().mapToLong(w -> w[1 + i]).sum();
    }
}
