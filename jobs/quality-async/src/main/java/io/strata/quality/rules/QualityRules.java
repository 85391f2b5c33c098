package io.strata.quality.rules;

import io.strata.quality.QualityAsyncOptions;
import io.strata.quality.rules.TenantRules.Duplicates;
import io.strata.quality.rules.TenantRules.NullRate;
import io.strata.quality.rules.TenantRules.Outliers;
import io.strata.quality.rules.TenantRules.Profiles;
import io.strata.quality.rules.TenantRules.ReferentialIntegrity;
import io.strata.quality.rules.TenantRules.Volume;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import org.apache.flink.configuration.ReadableConfig;

/**
 * Every tenant's rules: the job's defaults (the {@link QualityAsyncOptions}) and, for tenants whose
 * configuration has a {@code quality:} section, that section over them. Small and serializable:
 * each rule operator carries it.
 */
public final class QualityRules implements Serializable {

    private static final long serialVersionUID = 1L;

    private final TenantRules defaults;
    private final Map<String, TenantRules> tenants;

    public QualityRules(TenantRules defaults, Map<String, TenantRules> tenants) {
        this.defaults = defaults;
        this.tenants = Map.copyOf(tenants);
    }

    /**
     * The defaults from {@code config} and the tenant configurations of {@link
     * QualityAsyncOptions#TENANTS_DIRECTORY}, if set.
     *
     * @throws InvalidQualityConfigException listing every error of the tenant files
     */
    public static QualityRules of(ReadableConfig config) {
        TenantRules defaults = defaults(config);
        return config.getOptional(QualityAsyncOptions.TENANTS_DIRECTORY)
                .map(dir -> QualitySections.loadDirectory(Path.of(dir), defaults).orThrow())
                .map(tenants -> new QualityRules(defaults, tenants))
                .orElseGet(() -> new QualityRules(defaults, Map.of()));
    }

    /** The rules of the options, for tenants without a {@code quality:} section. */
    public static TenantRules defaults(ReadableConfig config) {
        return new TenantRules(
                new Profiles(
                        config.get(QualityAsyncOptions.PROFILE_WINDOW),
                        config.get(QualityAsyncOptions.PROFILE_HISTORY),
                        config.get(QualityAsyncOptions.PROFILE_MIN_HISTORY)),
                new ReferentialIntegrity(
                        config.get(QualityAsyncOptions.REFERENTIAL_INTEGRITY_ENABLED),
                        config.get(QualityAsyncOptions.REFERENTIAL_INTEGRITY_WAIT)),
                new NullRate(
                        config.get(QualityAsyncOptions.NULL_RATE_ENABLED),
                        config.get(QualityAsyncOptions.NULL_RATE_MIN_ROWS),
                        config.get(QualityAsyncOptions.NULL_RATE_MAX_INCREASE)),
                new Volume(
                        config.get(QualityAsyncOptions.VOLUME_ENABLED),
                        config.get(QualityAsyncOptions.VOLUME_MIN_ROWS),
                        config.get(QualityAsyncOptions.VOLUME_K),
                        config.get(QualityAsyncOptions.VOLUME_MAX_RATIO)),
                new Outliers(
                        config.get(QualityAsyncOptions.OUTLIERS_ENABLED),
                        config.get(QualityAsyncOptions.OUTLIERS_SAMPLE),
                        config.get(QualityAsyncOptions.OUTLIERS_MIN_SAMPLE),
                        config.get(QualityAsyncOptions.OUTLIERS_MAX_Z)),
                new Duplicates(
                        config.get(QualityAsyncOptions.DUPLICATES_ENABLED),
                        EnumSet.copyOf(config.get(QualityAsyncOptions.DUPLICATES_MATCH))));
    }

    /** The rules of {@code tenant}. */
    public TenantRules of(String tenant) {
        return tenants.getOrDefault(tenant, defaults);
    }
}
