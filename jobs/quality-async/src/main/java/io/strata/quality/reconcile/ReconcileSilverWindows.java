package io.strata.quality.reconcile;

import io.strata.model.Layer;
import io.strata.model.ops.Alert;
import io.strata.model.ops.ManifestRecord;
import io.strata.model.ops.ManifestStatus;
import io.strata.model.ops.QualityChecks;
import io.strata.quality.results.Rules;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Completes each SILVER window's manifest record, keyed by its manifest id: input 1 the SILVER
 * records, input 2 the {@link SilverEvidence} about the window, i.e. the rows it wrote (read back
 * from the Silver topics Gold reads), GOLD's claims on them, and the quality findings concerning
 * them.
 *
 * <p>Reconciliation with Gold (when {@code reconcileWithGold}): the first record or evidence of a
 * window starts its clock, {@code wait} in processing time. Rows and claims that balance ({@link
 * SilverReconciliation}) reconcile the window at once, unless it wrote no rows, which is only
 * decided when the wait is over (its rows may still be on their way). An unbalanced window stays
 * unchecked until the wait is over, then is FAILED with one {@link Alert} naming it; from then on
 * every change decides at once (a late claim that balances it reconciles it and gives it back its
 * status). A balanced window keeps the status silver-conform gave it (COMPLETE, or PAUSED).
 *
 * <p>Findings: a {@code quality.null-rate} finding clears {@code null_check_pass}, a {@code
 * quality.referential-integrity} finding {@code referential_integrity_pass}; every finding's check
 * id is listed in {@code findings}. The findings are warnings: they do not change the status.
 *
 * <p>Output: the SILVER record, completed, when it arrives and whenever what it says changes (the
 * manifest table upserts it by id); alerts to {@link #ALERTS}. State is dropped {@code retention}
 * after the wait: evidence arriving later starts a new clock.
 */
public final class ReconcileSilverWindows
        extends KeyedCoProcessFunction<String, ManifestRecord, SilverEvidence, ManifestRecord> {

    private static final long serialVersionUID = 1L;

    /** One record per breach. */
    public static final OutputTag<Alert> ALERTS =
            new OutputTag<>("silver-alerts", new AvroTypeInfo<>(Alert.class));

    private final boolean reconcileWithGold;
    private final ReconciliationClock clock;

    private transient ValueState<ManifestRecord> silver;
    private transient ValueState<ManifestRecord> emitted;
    private transient MapState<String, long[]> wrote;
    private transient MapState<String, SilverEvidence> claims;
    private transient MapState<String, String> findings;

    public ReconcileSilverWindows(boolean reconcileWithGold, Duration wait, Duration retention) {
        this.reconcileWithGold = reconcileWithGold;
        this.clock = new ReconciliationClock(wait, retention);
    }

    @Override
    public void open(OpenContext openContext) {
        AvroTypeInfo<ManifestRecord> record = new AvroTypeInfo<>(ManifestRecord.class);
        silver = getRuntimeContext().getState(new ValueStateDescriptor<>("silver", record));
        emitted = getRuntimeContext().getState(new ValueStateDescriptor<>("emitted", record));
        wrote =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "wrote",
                                        Types.STRING,
                                        PrimitiveArrayTypeInfo.LONG_PRIMITIVE_ARRAY_TYPE_INFO));
        claims =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "gold-claims",
                                        Types.STRING,
                                        TypeInformation.of(SilverEvidence.class)));
        findings =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>("findings", Types.STRING, Types.STRING));
        clock.open(getRuntimeContext());
    }

    @Override
    public void processElement1(ManifestRecord record, Context ctx, Collector<ManifestRecord> out)
            throws Exception {
        silver.update(record);
        settle(clock.start(ctx.timerService()), ctx, out);
    }

    @Override
    public void processElement2(SilverEvidence e, Context ctx, Collector<ManifestRecord> out)
            throws Exception {
        switch (e.kind) {
            case ROW -> {
                long[] sums = wrote.get(e.topic);
                sums = sums == null ? new long[2] : sums;
                sums[0] += e.count;
                sums[1] += e.checksum;
                wrote.put(e.topic, sums);
            }
            case GOLD_CLAIM -> claims.put(e.claimant, e);
            case FINDING -> findings.put(e.checkId, e.rule);
        }
        settle(clock.start(ctx.timerService()), ctx, out);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<ManifestRecord> out)
            throws Exception {
        switch (clock.tick(timestamp)) {
            case EXPIRED -> {
                silver.clear();
                emitted.clear();
                wrote.clear();
                claims.clear();
                findings.clear();
            }
            case DUE -> settle(timestamp, ctx, out);
            case NONE -> {}
        }
    }

    /** Writes the record completed with what is known now, if that changed what it says. */
    private void settle(long now, Context ctx, Collector<ManifestRecord> out) throws Exception {
        ManifestRecord record = silver.value();
        if (record == null) {
            return;
        }
        boolean overdue = clock.overdue(now);
        ManifestStatus status = record.getStatus();
        QualityChecks.Builder checks = QualityChecks.newBuilder(record.getQualityChecks());
        SilverReconciliation r = null;
        if (reconcileWithGold) {
            r = SilverReconciliation.of(entries(wrote), read());
            if (r.balanced() && (overdue || !wrote.isEmpty())) {
                checks.setReconciled(true).setReconciliation(null);
            } else if (!r.balanced() && overdue) {
                status = ManifestStatus.FAILED;
                checks.setReconciled(false).setReconciliation(r.summary());
            } else {
                checks.setReconciled(null).setReconciliation(null);
            }
        }
        List<String> found = new ArrayList<>();
        boolean nullRate = false;
        boolean orphans = false;
        for (Map.Entry<String, String> f : findings.entries()) {
            found.add(f.getKey());
            nullRate |= Rules.NULL_RATE.equals(f.getValue());
            orphans |= Rules.REFERENTIAL_INTEGRITY.equals(f.getValue());
        }
        found.sort(null);
        checks.setFindings(found);
        if (nullRate) {
            checks.setNullCheckPass(false);
        }
        if (orphans) {
            checks.setReferentialIntegrityPass(false);
        }
        ManifestRecord next =
                ManifestRecord.newBuilder(record)
                        .setStatus(status)
                        .setQualityChecks(checks.build())
                        .build();
        ManifestRecord previous = emitted.value();
        if (next.equals(previous)) {
            return;
        }
        emitted.update(next);
        out.collect(next);
        if (r != null
                && !r.balanced()
                && next.getStatus() == ManifestStatus.FAILED
                && (previous == null || previous.getStatus() != ManifestStatus.FAILED)) {
            ctx.output(ALERTS, alert(next, r, now));
        }
    }

    private static Map<String, long[]> entries(MapState<String, long[]> state) throws Exception {
        Map<String, long[]> copy = new HashMap<>();
        for (Map.Entry<String, long[]> e : state.entries()) {
            copy.put(e.getKey(), e.getValue());
        }
        return copy;
    }

    /** What the GOLD claims add up to, per topic. */
    private Map<String, long[]> read() throws Exception {
        Map<String, long[]> read = new HashMap<>();
        for (SilverEvidence c : claims.values()) {
            long[] sums = read.computeIfAbsent(c.topic, t -> new long[2]);
            sums[0] += c.count;
            sums[1] += c.checksum;
        }
        return read;
    }

    private Alert alert(ManifestRecord s, SilverReconciliation r, long now) throws Exception {
        List<String> ids = new ArrayList<>();
        ids.add(s.getManifestId());
        List<String> claimants = new ArrayList<>();
        claims.keys().forEach(claimants::add);
        claimants.sort(null);
        ids.addAll(claimants);
        return Alert.newBuilder()
                .setAlertId(r.rule() + ":" + s.getManifestId())
                .setRule(r.rule())
                .setTenantId(s.getTenantId())
                .setLayer(Layer.SILVER)
                .setSourceSystem(s.getSourceSystem())
                .setWindowId(s.getManifestId())
                .setManifestIds(ids)
                .setMeasured(r.measured())
                .setExpected(r.expected())
                .setDetail(s.getManifestId() + ": " + r.detail())
                .setDetectedAt(Instant.ofEpochMilli(now))
                .build();
    }
}
