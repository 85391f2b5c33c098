package io.strata.quality.reconcile;

import io.strata.model.Layer;
import io.strata.model.ops.Alert;
import io.strata.model.ops.ManifestRecord;
import io.strata.model.ops.ManifestStatus;
import io.strata.model.ops.QualityChecks;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Reconciles each BRONZE window with the SILVER records that claim it, keyed by the BRONZE manifest
 * id: input 1 the BRONZE records, input 2 the {@link LineageClaim}s (a SILVER record re-emitted
 * after a restart replaces its earlier claim, it does not add to it).
 *
 * <p>The first record of a window starts its clock: {@code wait} (processing time) to balance.
 * Claims that add up ({@link Reconciliation}) make the window COMPLETE at once; until the wait is
 * over an unbalanced window stays PROCESSING (SILVER may still be conforming it). When the wait is
 * over it is FAILED, with one {@link Alert} naming it, and from then on every change decides at
 * once: a late claim that balances it makes it COMPLETE, an extra claim fails it again. A window
 * claimed but never seen is one alert ({@link Reconciliation#UNKNOWN_PARENT}). State is dropped
 * {@code retention} after the wait.
 *
 * <p>Output: the BRONZE record with its status and {@code quality_checks.reconciled} /{@code
 * reconciliation}, each time the record arrives or its status changes (the manifest table upserts
 * it by id); alerts to {@link #ALERTS}.
 */
public final class ReconcileBronzeWindows
        extends KeyedCoProcessFunction<String, ManifestRecord, LineageClaim, ManifestRecord> {

    private static final long serialVersionUID = 1L;

    /** One record per breach. */
    public static final OutputTag<Alert> ALERTS =
            new OutputTag<>("alerts", new AvroTypeInfo<>(Alert.class));

    private final ReconciliationClock clock;

    private transient ValueState<ManifestRecord> bronze;
    private transient MapState<String, LineageClaim> claims;
    private transient ValueState<ManifestStatus> status;

    public ReconcileBronzeWindows(Duration wait, Duration retention) {
        this.clock = new ReconciliationClock(wait, retention);
    }

    @Override
    public void open(OpenContext openContext) {
        bronze =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>(
                                        "bronze", new AvroTypeInfo<>(ManifestRecord.class)));
        claims =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "claims",
                                        Types.STRING,
                                        TypeInformation.of(LineageClaim.class)));
        clock.open(getRuntimeContext());
        status =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>(
                                        "status", TypeInformation.of(ManifestStatus.class)));
    }

    @Override
    public void processElement1(ManifestRecord record, Context ctx, Collector<ManifestRecord> out)
            throws Exception {
        bronze.update(record);
        long now = clock.start(ctx.timerService());
        settle(now, true, ctx, out);
    }

    @Override
    public void processElement2(LineageClaim claim, Context ctx, Collector<ManifestRecord> out)
            throws Exception {
        claims.put(claim.claimant, claim);
        long now = clock.start(ctx.timerService());
        settle(now, false, ctx, out);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<ManifestRecord> out)
            throws Exception {
        switch (clock.tick(timestamp)) {
            case EXPIRED -> {
                bronze.clear();
                claims.clear();
                status.clear();
            }
            case DUE -> settle(timestamp, false, ctx, out);
            case NONE -> {}
        }
    }

    /**
     * Decides the window's status now; writes the BRONZE record when it changed (or {@code
     * arrived}), with an alert when it turns FAILED.
     */
    private void settle(long now, boolean arrived, Context ctx, Collector<ManifestRecord> out)
            throws Exception {
        boolean overdue = clock.overdue(now);
        List<LineageClaim> claimed = new ArrayList<>();
        claims.values().forEach(claimed::add);
        ManifestRecord b = bronze.value();
        if (b == null) {
            if (overdue && status.value() != ManifestStatus.FAILED) {
                status.update(ManifestStatus.FAILED);
                ctx.output(ALERTS, unknownParent(ctx.getCurrentKey(), claimed, now));
            }
            return;
        }
        Reconciliation r = Reconciliation.of(b, claimed);
        ManifestStatus next =
                r.balanced()
                        ? ManifestStatus.COMPLETE
                        : overdue ? ManifestStatus.FAILED : ManifestStatus.PROCESSING;
        ManifestStatus previous = status.value();
        if (next == previous && !arrived) {
            return;
        }
        status.update(next);
        out.collect(withStatus(b, next, r));
        if (next == ManifestStatus.FAILED && previous != ManifestStatus.FAILED) {
            ctx.output(ALERTS, alert(b, r, claimed, now));
        }
    }

    private static ManifestRecord withStatus(
            ManifestRecord b, ManifestStatus next, Reconciliation r) {
        QualityChecks checks =
                QualityChecks.newBuilder(b.getQualityChecks())
                        .setReconciled(next == ManifestStatus.PROCESSING ? null : r.balanced())
                        .setReconciliation(r.balanced() ? null : r.summary())
                        .build();
        return ManifestRecord.newBuilder(b).setStatus(next).setQualityChecks(checks).build();
    }

    private static Alert alert(
            ManifestRecord b, Reconciliation r, List<LineageClaim> claimed, long now) {
        return Alert.newBuilder()
                .setAlertId(r.rule() + ":" + b.getManifestId())
                .setRule(r.rule())
                .setTenantId(b.getTenantId())
                .setLayer(Layer.BRONZE)
                .setSourceSystem(b.getSourceSystem())
                .setWindowId(b.getManifestId())
                .setManifestIds(manifestIds(b.getManifestId(), claimed))
                .setMeasured(r.measured())
                .setExpected(r.expected())
                .setDetail(b.getManifestId() + ": " + r.detail())
                .setDetectedAt(Instant.ofEpochMilli(now))
                .build();
    }

    private static Alert unknownParent(String bronzeId, List<LineageClaim> claimed, long now) {
        LineageClaim any = claimed.get(0);
        long count = claimed.stream().mapToLong(c -> c.count).sum();
        return Alert.newBuilder()
                .setAlertId(Reconciliation.UNKNOWN_PARENT + ":" + bronzeId)
                .setRule(Reconciliation.UNKNOWN_PARENT)
                .setTenantId(any.tenant)
                .setLayer(Layer.BRONZE)
                .setSourceSystem(any.source)
                .setWindowId(bronzeId)
                .setManifestIds(manifestIds(bronzeId, claimed))
                .setMeasured(Long.toString(count))
                .setExpected("0")
                .setDetail(
                        "SILVER accounted for "
                                + count
                                + " records of "
                                + bronzeId
                                + ", a BRONZE window the manifest never showed")
                .setDetectedAt(Instant.ofEpochMilli(now))
                .build();
    }

    /** The checked window first, then the claimants, sorted. */
    private static List<String> manifestIds(String bronzeId, List<LineageClaim> claimed) {
        List<String> ids = new ArrayList<>();
        ids.add(bronzeId);
        claimed.stream().map(c -> c.claimant).sorted().forEach(ids::add);
        return ids;
    }
}
