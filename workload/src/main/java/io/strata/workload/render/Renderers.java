package io.strata.workload.render;

import java.util.List;

/** Every tenant renderer, looked up by tenant and schema version. */
public final class Renderers {

    private static final List<TenantRenderer> ALL =
            List.of(
                    new AcmeRenderer(),
                    new GlobexV1Renderer(),
                    new GlobexV2Renderer(),
                    new InitechRenderer());

    private Renderers() {}

    public static List<TenantRenderer> all() {
        return ALL;
    }

    /** Looks the renderer up without building a key string (called once per record). */
    public static TenantRenderer of(String tenantId, String schemaVersion) {
        for (TenantRenderer r : ALL) {
            if (r.tenantId().equals(tenantId) && r.schemaVersion().equals(schemaVersion)) {
                return r;
            }
        }
        throw new IllegalArgumentException(
                "No renderer for tenant " + tenantId + " schema version " + schemaVersion);
    }
}
