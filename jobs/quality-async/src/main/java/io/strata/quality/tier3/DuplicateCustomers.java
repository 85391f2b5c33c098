package io.strata.quality.tier3;

import io.strata.model.ops.QualityResult;
import io.strata.quality.results.Rules;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Tier 3, duplicate-customer candidates, keyed by {@link IdentityClaim#groupKey()}: the first
 * customer key claiming a tenant's normalized email (or name) owns it; each other key claiming it
 * later is one finding naming both keys (sorted). A key's further versions are no new finding.
 * State: the first key, and every key seen.
 */
public final class DuplicateCustomers
        extends KeyedProcessFunction<String, IdentityClaim, QualityResult> {

    private static final long serialVersionUID = 1L;

    private transient ValueState<String> first;
    private transient MapState<String, Boolean> keys;

    @Override
    public void open(OpenContext openContext) {
        first = getRuntimeContext().getState(new ValueStateDescriptor<>("first", Types.STRING));
        keys =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "customer-keys", Types.STRING, Types.BOOLEAN));
    }

    @Override
    public void processElement(IdentityClaim claim, Context ctx, Collector<QualityResult> out)
            throws Exception {
        if (keys.contains(claim.customerKey)) {
            return;
        }
        keys.put(claim.customerKey, true);
        String owner = first.value();
        if (owner == null) {
            first.update(claim.customerKey);
            return;
        }
        int sharing = 0;
        for (String ignored : keys.keys()) {
            sharing++;
        }
        out.collect(result(claim, owner, sharing));
    }

    private static QualityResult result(IdentityClaim claim, String owner, int sharing) {
        List<String> pair = new ArrayList<>(List.of(owner, claim.customerKey));
        pair.sort(null);
        return QualityResult.newBuilder()
                .setCheckId(
                        Rules.DUPLICATE_CUSTOMER
                                + ":"
                                + claim.tenant
                                + ":"
                                + claim.identity
                                + ":"
                                + pair.get(0)
                                + "|"
                                + pair.get(1))
                .setTier(3)
                .setRule(Rules.DUPLICATE_CUSTOMER)
                .setTenantId(claim.tenant)
                .setEntity("customer")
                .setField(claim.identity)
                .setMeasured(sharing)
                .setThreshold(1)
                .setKeys(List.of("customer:" + pair.get(0), "customer:" + pair.get(1)))
                .setManifestIds(claim.manifestId == null ? List.of() : List.of(claim.manifestId))
                .setDetail(
                        "customers "
                                + pair.get(0)
                                + " and "
                                + pair.get(1)
                                + " share a normalized "
                                + claim.identity
                                + " ("
                                + sharing
                                + " keys with it)")
                .setDetectedAt(Instant.ofEpochMilli(claim.eventTime))
                .build();
    }
}
