package io.strata.quality.rules;

import java.io.Serializable;
import java.time.Duration;
import java.util.Set;

/**
 * One tenant's Tier-2 and Tier-3 rules and thresholds: the {@code quality:} section of its
 * configuration over the job's defaults ({@link QualityRules}).
 *
 * @param profiles the event-time windows of the volume and null-rate rules and their baseline
 * @param referentialIntegrity orders whose customer never arrives
 * @param nullRate null rate per entity and field against the baseline
 * @param volume rows per entity against the baseline
 * @param outliers robust z-score of order totals
 * @param duplicates customers sharing a normalized identity under different keys
 */
public record TenantRules(
        Profiles profiles,
        ReferentialIntegrity referentialIntegrity,
        NullRate nullRate,
        Volume volume,
        Outliers outliers,
        Duplicates duplicates)
        implements Serializable {

    /**
     * Tumbling event-time windows per tenant and entity, each judged against the {@code history}
     * windows closed before it once at least {@code minHistory} of them exist.
     */
    public record Profiles(Duration window, int history, int minHistory) implements Serializable {}

    /**
     * An order whose customer key has not appeared on silver.customer {@code customerWait} after
     * it.
     */
    public record ReferentialIntegrity(boolean enabled, Duration customerWait)
            implements Serializable {}

    /**
     * A field's null rate in a window of at least {@code minRows} rows exceeds the baseline's
     * (nulls over rows of the history windows) by more than {@code maxIncrease} (absolute, 0..1).
     */
    public record NullRate(boolean enabled, long minRows, double maxIncrease)
            implements Serializable {}

    /**
     * A window's row count c against the history's mean μ and standard deviation σ: a breach when
     * |c − μ| > k·σ and c is more than {@code maxRatio} times μ or less than μ / {@code maxRatio}.
     * Judged only when c or μ reaches {@code minRows}: below that, counts are noise.
     */
    public record Volume(boolean enabled, long minRows, double k, double maxRatio)
            implements Serializable {}

    /**
     * An order total x against the tenant's last {@code sample} totals (median m, MAD): a breach
     * when |0.6745·(x − m) / MAD| > {@code maxZ}, judged once {@code minSample} totals are known.
     */
    public record Outliers(boolean enabled, int sample, int minSample, double maxZ)
            implements Serializable {}

    /** Customers of one tenant under different keys sharing a normalized {@code match} value. */
    public record Duplicates(boolean enabled, Set<Identity> match) implements Serializable {}

    /** What makes two customer rows duplicate candidates. */
    public enum Identity {
        /** The email, trimmed and lower-cased. */
        EMAIL,
        /** The name, trimmed, lower-cased, inner whitespace collapsed to one space. */
        NAME
    }
}
