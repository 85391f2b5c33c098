package io.strata.quality.tier2;

import io.strata.model.ops.QualityResult;
import io.strata.quality.results.ResultAlerts;
import io.strata.quality.results.Rules;
import io.strata.quality.rules.QualityRules;
import io.strata.quality.rules.TenantRules;
import io.strata.quality.silver.RowProfile;
import io.strata.quality.silver.SilverTopic;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Tier 2, volume and null rate: counts each tenant and entity's live rows (keyed by {@link
 * RowProfile#tenantEntity()}) in tumbling event-time windows of the tenant's {@code
 * profiles.window}, with the rows leaving each nullable field null. When the watermark passes a
 * window's end it is judged against the baseline, the {@code profiles.history} windows closed
 * before it (windows without rows in between count as empty ones), once that holds {@code
 * minHistory} windows: {@link VolumeRule} and {@link NullRateRule} per field, each breach one
 * finding. Then it joins the baseline. Rows of a window already judged are dropped.
 *
 * <p>A finding names the SILVER manifest records of the window's rows ({@code manifest_ids}), so
 * the manifest shows it on them.
 *
 * <p>State, Kryo-free: the open windows' counts by start ({@code long[]}: rows, then nulls per
 * field) and their rows' SILVER manifest ids, the baseline's, and the start of the last window
 * judged.
 */
public final class ProfileWindows extends KeyedProcessFunction<String, RowProfile, QualityResult> {

    private static final long serialVersionUID = 1L;

    private final QualityRules rules;

    private transient MapState<Long, long[]> open;
    private transient MapState<Long, List<String>> openManifests;
    private transient ValueState<List<long[]>> history;
    private transient ValueState<Long> lastJudged;

    public ProfileWindows(QualityRules rules) {
        this.rules = rules;
    }

    @Override
    public void open(OpenContext openContext) {
        open =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "open-windows",
                                        Types.LONG,
                                        PrimitiveArrayTypeInfo.LONG_PRIMITIVE_ARRAY_TYPE_INFO));
        openManifests =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "open-window-manifests",
                                        Types.LONG,
                                        Types.LIST(Types.STRING)));
        history =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>(
                                        "baseline",
                                        Types.LIST(
                                                PrimitiveArrayTypeInfo
                                                        .LONG_PRIMITIVE_ARRAY_TYPE_INFO)));
        lastJudged =
                getRuntimeContext().getState(new ValueStateDescriptor<>("last-judged", Types.LONG));
    }

    @Override
    public void processElement(RowProfile row, Context ctx, Collector<QualityResult> out)
            throws Exception {
        long size = rules.of(row.tenant).profiles().window().toMillis();
        long start = Math.floorDiv(row.eventTime, size) * size;
        long end = start + size;
        if (end - 1 <= ctx.timerService().currentWatermark()) {
            return; // its window is judged already
        }
        long[] counts = open.get(start);
        if (counts == null) {
            counts = new long[1 + row.nulls.length];
            ctx.timerService().registerEventTimeTimer(end - 1);
        }
        counts[0]++;
        for (int i = 0; i < row.nulls.length; i++) {
            if (row.nulls[i]) {
                counts[1 + i]++;
            }
        }
        open.put(start, counts);
        if (row.manifestId != null) {
            List<String> ids = openManifests.get(start);
            if (ids == null || !ids.contains(row.manifestId)) {
                ids = ids == null ? new ArrayList<>() : ids;
                ids.add(row.manifestId);
                openManifests.put(start, ids);
            }
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<QualityResult> out)
            throws Exception {
        Subject key = Subject.of(ctx.getCurrentKey());
        TenantRules tenant = rules.of(key.tenant());
        long size = tenant.profiles().window().toMillis();
        long start = timestamp + 1 - size;
        long[] counts = open.get(start);
        open.remove(start);
        List<String> manifests = openManifests.get(start);
        openManifests.remove(start);
        manifests = manifests == null ? new ArrayList<>() : manifests;
        manifests.sort(null);
        List<long[]> windows = history.value() == null ? new ArrayList<>() : history.value();
        Long last = lastJudged.value();
        if (last != null) {
            for (long empty = last + size; empty < start; empty += size) {
                windows.add(new long[counts.length]);
            }
        }
        trim(windows, tenant.profiles().history());
        Baseline baseline = new Baseline(windows);
        if (baseline.size() >= tenant.profiles().minHistory()) {
            judge(key, start, start + size, counts, manifests, baseline, tenant, out);
        }
        windows.add(counts);
        trim(windows, tenant.profiles().history());
        history.update(windows);
        lastJudged.update(start);
    }

    private static void judge(
            Subject key,
            long start,
            long end,
            long[] counts,
            List<String> manifests,
            Baseline baseline,
            TenantRules tenant,
            Collector<QualityResult> out) {
        if (tenant.volume().enabled()) {
            VolumeRule.judge(counts[0], baseline, tenant.volume())
                    .ifPresent(
                            b ->
                                    out.collect(
                                            result(key, null, start, end, manifests)
                                                    .setRule(Rules.VOLUME)
                                                    .setCheckId(id(Rules.VOLUME, key, null, start))
                                                    .setMeasured(b.count())
                                                    .setThreshold(b.threshold())
                                                    .setBaseline(b.mean())
                                                    .setDetail(
                                                            b.count()
                                                                    + " "
                                                                    + key.entity()
                                                                    + " rows in the window, the"
                                                                    + " last "
                                                                    + baseline.size()
                                                                    + " windows averaged "
                                                                    + ResultAlerts.number(b.mean())
                                                                    + "; limit "
                                                                    + ResultAlerts.number(
                                                                            b.threshold()))
                                                    .build()));
        }
        if (tenant.nullRate().enabled()) {
            List<String> fields = SilverTopic.ofEntity(key.entity()).nullableFields();
            for (int i = 0; i < fields.size(); i++) {
                String field = fields.get(i);
                Optional<NullRateRule.Breach> breach =
                        NullRateRule.judge(counts, i, baseline, tenant.nullRate());
                breach.ifPresent(
                        b ->
                                out.collect(
                                        result(key, field, start, end, manifests)
                                                .setRule(Rules.NULL_RATE)
                                                .setCheckId(id(Rules.NULL_RATE, key, field, start))
                                                .setMeasured(b.rate())
                                                .setThreshold(b.threshold())
                                                .setBaseline(b.baseline())
                                                .setDetail(
                                                        key.entity()
                                                                + "."
                                                                + field
                                                                + " was null in "
                                                                + percent(b.rate())
                                                                + " of "
                                                                + counts[0]
                                                                + " rows, against "
                                                                + percent(b.baseline())
                                                                + " in the last "
                                                                + baseline.size()
                                                                + " windows")
                                                .build()));
            }
        }
    }

    private static QualityResult.Builder result(
            Subject key, String field, long start, long end, List<String> manifests) {
        return QualityResult.newBuilder()
                .setTier(2)
                .setTenantId(key.tenant())
                .setEntity(key.entity())
                .setField(field)
                .setWindowStart(Instant.ofEpochMilli(start))
                .setWindowEnd(Instant.ofEpochMilli(end))
                .setKeys(List.of())
                .setManifestIds(manifests)
                .setDetectedAt(Instant.ofEpochMilli(end));
    }

    private static String id(String rule, Subject key, String field, long start) {
        return rule
                + ":"
                + key.tenant()
                + ":"
                + key.entity()
                + (field == null ? "" : "." + field)
                + ":"
                + Instant.ofEpochMilli(start);
    }

    private static String percent(double rate) {
        return String.format(Locale.ROOT, "%.1f%%", rate * 100);
    }

    /** The tenant and entity of a key {@code tenant|entity}. */
    private record Subject(String tenant, String entity) {
        static Subject of(String key) {
            int bar = key.lastIndexOf('|');
            return new Subject(key.substring(0, bar), key.substring(bar + 1));
        }
    }

    private static void trim(List<long[]> windows, int max) {
        while (windows.size() > max) {
            windows.remove(0);
        }
    }
}
