package io.strata.silver.tenants;

import io.strata.silver.config.TenantConfigs;
import io.strata.silver.extract.SilverExtractor;
import io.strata.silver.extract.TenantExtractionRules;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One parallel instance's compiled extraction rules, kept in step with the configurations in force:
 * the published one of a tenant (broadcast state), else its start-up file. Rules are compiled once
 * per configuration version, when first needed, not per record.
 */
public final class TenantRules {

    private static final Logger LOG = LoggerFactory.getLogger(TenantRules.class);

    private final Map<String, TenantConfigUpdate> startup = new HashMap<>();
    private final Map<String, String> compiledVersions = new HashMap<>();
    private final SilverExtractor extractor = new SilverExtractor(List.of());

    public TenantRules(List<TenantConfigUpdate> startupConfigs) {
        startupConfigs.forEach(u -> startup.put(u.tenant, u));
    }

    public SilverExtractor extractor() {
        return extractor;
    }

    /** The tenant's rules in force, or null when it has no configuration. */
    public TenantExtractionRules current(
            String tenant, ReadOnlyBroadcastState<String, TenantConfigUpdate> published)
            throws Exception {
        TenantConfigUpdate update = published.get(tenant);
        if (update == null) {
            update = startup.get(tenant);
        }
        if (update == null || update.isRemoval()) {
            if (compiledVersions.remove(tenant) != null) {
                extractor.remove(tenant);
            }
            return null;
        }
        if (!update.configVersion.equals(compiledVersions.get(tenant))) {
            compile(update);
        }
        return extractor.rules(tenant);
    }

    private void compile(TenantConfigUpdate update) {
        // Validated before it got here (start-up or ReadTenantConfigs): orThrow cannot fail.
        extractor.register(
                TenantExtractionRules.compile(
                        TenantConfigs.parse(update.source, update.yaml).orThrow().get(0)));
        compiledVersions.put(update.tenant, update.configVersion);
        LOG.debug("Compiled the rules of {}", update);
    }
}
