package io.strata.silver.tenants;

import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * The broadcast state of published tenant configurations: tenant id → the update in force (a
 * removal is kept, so it also overrides a start-up file).
 */
public final class TenantConfigState {

    public static final TypeInformation<TenantConfigUpdate> UPDATE_TYPE =
            TypeInformation.of(TenantConfigUpdate.class);

    public static final MapStateDescriptor<String, TenantConfigUpdate> DESCRIPTOR =
            new MapStateDescriptor<>("tenant-configs", Types.STRING, UPDATE_TYPE);

    private TenantConfigState() {}
}
