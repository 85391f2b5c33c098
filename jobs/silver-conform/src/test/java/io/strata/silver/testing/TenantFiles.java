package io.strata.silver.testing;

import io.strata.silver.config.TenantConfig;
import io.strata.silver.config.TenantConfigs;
import io.strata.silver.extract.SilverExtractor;
import java.nio.file.Path;
import java.util.List;

/** The tenant configurations of the working tree ({@code schemas/tenants/}). */
public final class TenantFiles {

    /** Surefire runs in the module directory. */
    public static final Path DIR = Path.of("../../schemas/tenants");

    private static List<TenantConfig> configs;

    private TenantFiles() {}

    public static synchronized List<TenantConfig> all() {
        if (configs == null) {
            configs = TenantConfigs.loadDirectory(DIR).orThrow();
        }
        return configs;
    }

    public static TenantConfig of(String tenant) {
        return all().stream().filter(c -> c.tenant().equals(tenant)).findFirst().orElseThrow();
    }

    public static SilverExtractor extractor() {
        return SilverExtractor.of(all());
    }
}
