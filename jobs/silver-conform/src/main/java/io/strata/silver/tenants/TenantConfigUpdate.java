package io.strata.silver.tenants;

import java.io.Serializable;
import java.util.Objects;

/**
 * A validated tenant configuration in force from now on, or the removal of a tenant. A Flink POJO
 * (public fields, no-arg constructor): it is broadcast state and travels between operators; also
 * Serializable, as the start-up configurations ship inside the job graph.
 */
public class TenantConfigUpdate implements Serializable {

    private static final long serialVersionUID = 1L;

    public String tenant;

    /** Where it came from, for messages: a file path or {@code config.tenants/0@12}. */
    public String source;

    /** The YAML text; null when the tenant was removed. */
    public String yaml;

    /** The configuration's content version; null when removed. */
    public String configVersion;

    public TenantConfigUpdate() {}

    public TenantConfigUpdate(String tenant, String source, String yaml, String configVersion) {
        this.tenant = tenant;
        this.source = source;
        this.yaml = yaml;
        this.configVersion = configVersion;
    }

    public static TenantConfigUpdate removal(String tenant, String source) {
        return new TenantConfigUpdate(tenant, source, null, null);
    }

    public boolean isRemoval() {
        return yaml == null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TenantConfigUpdate u
                && Objects.equals(u.tenant, tenant)
                && Objects.equals(u.source, source)
                && Objects.equals(u.yaml, yaml)
                && Objects.equals(u.configVersion, configVersion);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tenant, configVersion);
    }

    @Override
    public String toString() {
        return isRemoval()
                ? "removal of tenant " + tenant + " (" + source + ")"
                : "tenant " + tenant + " version " + configVersion + " (" + source + ")";
    }
}
