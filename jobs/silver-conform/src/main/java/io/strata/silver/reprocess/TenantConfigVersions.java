package io.strata.silver.reprocess;

import io.strata.common.kafka.TopicScan;
import io.strata.silver.SilverConformJob;
import io.strata.silver.SilverConformOptions;
import io.strata.silver.config.ConfigLoad;
import io.strata.silver.config.TenantConfigs;
import io.strata.silver.tenants.TenantConfigUpdate;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.flink.configuration.ReadableConfig;

/**
 * The configuration version in force for a tenant, as silver-conform sees it: the latest valid
 * record of the configuration topic (a null value removes the tenant), else the start-up file of
 * the configured tenants directory.
 */
final class TenantConfigVersions {

    private TenantConfigVersions() {}

    static Optional<String> current(ReadableConfig config, String tenant) {
        String topic = config.get(SilverConformOptions.TENANTS_TOPIC);
        String[] published = new String[1];
        boolean[] seen = new boolean[1];
        TopicScan.readToEnd(
                config,
                topic,
                r -> {
                    String key = r.key() == null ? "" : new String(r.key(), StandardCharsets.UTF_8);
                    if (!key.trim().equals(tenant)) {
                        return;
                    }
                    if (r.value() == null) {
                        seen[0] = true;
                        published[0] = null;
                        return;
                    }
                    ConfigLoad load =
                            TenantConfigs.parse(
                                    topic + "/" + r.partition() + "@" + r.offset(),
                                    new String(r.value(), StandardCharsets.UTF_8));
                    if (load.isValid() && load.configs().get(0).tenant().equals(tenant)) {
                        seen[0] = true;
                        published[0] = load.configs().get(0).configVersion();
                    }
                });
        if (seen[0]) {
            return Optional.ofNullable(published[0]);
        }
        return SilverConformJob.startupConfigs(config).stream()
                .filter(u -> u.tenant.equals(tenant) && !u.isRemoval())
                .map((TenantConfigUpdate u) -> u.configVersion)
                .findFirst();
    }
}
