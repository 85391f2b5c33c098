package io.strata.workload.oracle.gold;

import io.strata.workload.oracle.SilverChangeLog;
import io.strata.workload.oracle.SilverVersion;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What gold-features must write for a sequence of Silver row versions ({@code docs/gold.md}): the
 * Data Vault, which follows the versions in the order given (arrival order), and the customer
 * features, a function of the set of versions in event-time order. Every version is assumed
 * applied: the oracle does not model versions the job drops as too late.
 *
 * <p>For a generated workload:
 *
 * <pre>{@code
 * SilverChangeLog log = new SilverChangeLog();
 * Oracle.compute(workload.records(), workload.oracleOptions(), log);
 * GoldOracle gold = GoldOracle.of(log.versions());
 * }</pre>
 *
 * @see SilverChangeLog
 */
public final class GoldOracle {

    private final GoldVault vault;
    private final List<FeatureRow> history;
    private final FeaturesAsOf asOf;

    private GoldOracle(GoldVault vault, List<FeatureRow> history, FeaturesAsOf asOf) {
        this.vault = vault;
        this.history = history;
        this.asOf = asOf;
    }

    /** The expectations for {@code changeLog}, in the order gold-features reads it. */
    public static GoldOracle of(List<SilverVersion> changeLog) {
        return new GoldOracle(
                VaultBuilder.of(changeLog),
                List.copyOf(FeatureHistory.of(changeLog)),
                new FeaturesAsOf(changeLog));
    }

    /** The vault's tables, ghost rows included. */
    public GoldVault vault() {
        return vault;
    }

    /**
     * {@code gold.customer_features_history}: every row, sorted by tenant, customer key and {@code
     * validFrom}.
     */
    public List<FeatureRow> featureHistory() {
        return history;
    }

    /**
     * {@code gold.customer_features} and the latest value per key of {@code
     * gold.customer-features}: each customer's current row ({@code validTo} null), sorted by tenant
     * and customer key.
     */
    public List<FeatureRow> currentFeatures() {
        return history.stream().filter(r -> r.validTo() == null).toList();
    }

    /**
     * The customer's features as of {@code t}, computed from the versions directly rather than
     * looked up in {@link #featureHistory()}: equal to the history row with {@code validFrom <= t <
     * validTo}. Empty before the customer's first input event.
     */
    public Optional<FeatureRow> featuresAsOf(String tenant, String customerKey, Instant t) {
        return asOf.asOf(tenant, customerKey, t);
    }
}
