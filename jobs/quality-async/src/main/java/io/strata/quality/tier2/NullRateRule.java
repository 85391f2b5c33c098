package io.strata.quality.tier2;

import io.strata.quality.rules.TenantRules.NullRate;
import java.util.Optional;

/**
 * Tier 2, null rate: in a window of at least {@code minRows} rows, a field's null rate (rows
 * leaving it null / rows) against the baseline's (the same over all its windows). A breach when it
 * rose by more than {@code maxIncrease}; fewer nulls is never a breach.
 */
final class NullRateRule {

    /** A breach: the window's rate, the limit it crossed, the baseline's rate. */
    record Breach(double rate, double threshold, double baseline) {}

    private NullRateRule() {}

    /** The verdict on field {@code i} of a window counted as {@code window}. */
    static Optional<Breach> judge(long[] window, int i, Baseline baseline, NullRate rule) {
        long rows = window[0];
        long baselineRows = baseline.totalRows();
        if (rows < rule.minRows() || baselineRows == 0) {
            return Optional.empty();
        }
        double rate = (double) window[1 + i] / rows;
        double base = (double) baseline.totalNulls(i) / baselineRows;
        double limit = base + rule.maxIncrease();
        return rate > limit ? Optional.of(new Breach(rate, limit, base)) : Optional.empty();
    }
}
