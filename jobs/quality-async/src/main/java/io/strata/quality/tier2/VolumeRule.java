package io.strata.quality.tier2;

import io.strata.quality.rules.TenantRules.Volume;
import java.util.Optional;

/**
 * Tier 2, volume: a window's row count c against the baseline's mean μ and standard deviation σ. A
 * breach when c is unusual (|c − μ| > k·σ) and material (c > r·μ or c < μ / r, r the maximum
 * ratio): the ratio keeps a steady, narrow baseline from alerting on noise. Not judged when neither
 * c nor μ reaches {@code minRows}: a handful of rows per window is all noise (an entity that
 * follows others, like shipments, starts from empty windows).
 */
final class VolumeRule {

    /** A breach: the count, the limit it crossed, the baseline's mean. */
    record Breach(long count, double threshold, double mean) {}

    private VolumeRule() {}

    static Optional<Breach> judge(long count, Baseline baseline, Volume rule) {
        double mean = baseline.meanRows();
        if (count < rule.minRows() && mean < rule.minRows()) {
            return Optional.empty();
        }
        double spread = rule.k() * baseline.stddevRows();
        if (count > mean) {
            double limit = Math.max(mean + spread, rule.maxRatio() * mean);
            return count > limit ? Optional.of(new Breach(count, limit, mean)) : Optional.empty();
        }
        double limit = Math.min(mean - spread, mean / rule.maxRatio());
        return count < limit ? Optional.of(new Breach(count, limit, mean)) : Optional.empty();
    }
}
