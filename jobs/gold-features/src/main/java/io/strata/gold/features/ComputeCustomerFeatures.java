package io.strata.gold.features;

import io.strata.model.gold.CustomerFeatures;
import io.strata.model.ops.QuarantineRecord;
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
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * One customer's features in event time, keyed by {@link FeatureKeys#CUSTOMER}; the main output is
 * every row written or rewritten (the history), {@link #CURRENT} the customer's current row
 * whenever it changes, {@link #TOO_LATE} the versions too late to apply.
 *
 * <ul>
 *   <li>A version after the watermark waits ({@code pending}) until the watermark passes its event
 *       time; then the versions the watermark passed are applied, the rows as of their event times
 *       are written, and the row before the first gets its {@code valid_to}.
 *   <li>A version at or behind the watermark, but not more than the allowed lateness behind it, is
 *       applied with the key's other late versions of the same late batch ({@code
 *       gold.features.late-batch} of processing time; at the latest by the next watermark that
 *       fires a timer of the key, or the last one of a bounded input), and every row from the
 *       earliest of their event times on is recomputed: rows whose content changed are written
 *       again under the same {@code valid_from} (a correction), a new row at each event time is
 *       inserted, the row before the first gets its new {@code valid_to}.
 *   <li>An older version is counted ({@code lateEventsDropped}) and quarantined. Late versions
 *       applied are counted too ({@code lateEventsApplied}).
 * </ul>
 *
 * <p>State per customer, all of it Flink POJOs or Avro: the pending versions; the applied versions
 * since the horizon (a timer's time minus the allowed lateness, never after the watermark minus
 * it); the settled versions, per entity the latest before the horizon while it can still count —
 * live orders stay (lifetime features), cancelled orders, closed tickets and returns older than 90
 * days go — kept as one list in order time ({@link CustomerLedger}), so a timer reads them in one
 * value and a row costs the entities that changed, not all of them; and the rows written since the
 * horizon plus the one before, whose {@code valid_to} a late version may change. A savepoint from
 * before the settled list has every version in the applied ones; the first timer of each key
 * settles them.
 */
public final class ComputeCustomerFeatures
        extends KeyedProcessFunction<String, CustomerEvent, CustomerFeatures> {

    private static final long serialVersionUID = 1L;

    public static final OutputTag<CustomerFeatures> CURRENT =
            new OutputTag<>("current-features", new AvroTypeInfo<>(CustomerFeatures.class));

    public static final OutputTag<QuarantineRecord> TOO_LATE =
            new OutputTag<>("too-late", new AvroTypeInfo<>(QuarantineRecord.class));

    /** The event-time timer of a key with late versions pending: the last watermark fires it. */
    private static final long END_OF_INPUT = Long.MAX_VALUE - 1;

    private final String job;
    private final Duration allowedLateness;
    private final long lateBatch;

    private transient MapState<String, EntityVersion> pending;
    private transient MapState<String, EntityVersion> applied;
    private transient ValueState<List<EntityVersion>> settled;
    private transient MapState<Long, CustomerFeatures> rows;
    private transient ValueState<Long> newestRow;
    private transient ValueState<Long> rowsForgottenTo;
    private transient Counter lateEventsDropped;
    private transient Counter lateEventsApplied;

    /**
     * {@code job} names the job in quarantine records; late versions gather for {@code lateBatch}
     * (processing time) before they are applied together.
     */
    public ComputeCustomerFeatures(String job, Duration allowedLateness, Duration lateBatch) {
        if (lateBatch.toMillis() < 1) {
            throw new IllegalArgumentException(
                    "gold.features.late-batch must be at least 1 ms, was " + lateBatch);
        }
        this.job = job;
        this.allowedLateness = allowedLateness;
        this.lateBatch = lateBatch.toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        TypeInformation<EntityVersion> versionType = TypeInformation.of(EntityVersion.class);
        pending =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>("pending", Types.STRING, versionType));
        applied =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>("applied", Types.STRING, versionType));
        settled =
                getRuntimeContext()
                        .getState(new ValueStateDescriptor<>("settled", Types.LIST(versionType)));
        rows =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "rows",
                                        Types.LONG,
                                        new AvroTypeInfo<>(CustomerFeatures.class)));
        newestRow =
                getRuntimeContext().getState(new ValueStateDescriptor<>("newest-row", Types.LONG));
        rowsForgottenTo =
                getRuntimeContext()
                        .getState(new ValueStateDescriptor<>("rows-forgotten-to", Types.LONG));
        lateEventsDropped = getRuntimeContext().getMetricGroup().counter("lateEventsDropped");
        lateEventsApplied = getRuntimeContext().getMetricGroup().counter("lateEventsApplied");
    }

    @Override
    public void processElement(CustomerEvent e, Context ctx, Collector<CustomerFeatures> out)
            throws Exception {
        long t = e.version.eventTime;
        long watermark = ctx.timerService().currentWatermark();
        if (t > watermark) {
            pending.put(e.version.id(), e.version);
            ctx.timerService().registerEventTimeTimer(t);
        } else if (t >= horizon(watermark)) {
            // Applied with the key's other late versions of the next batch: one recomputation
            // for them all, not one per version (a backlog's reordered partitions make many).
            lateEventsApplied.inc();
            pending.put(e.version.id(), e.version);
            long now = ctx.timerService().currentProcessingTime();
            ctx.timerService().registerProcessingTimeTimer(now - now % lateBatch + lateBatch);
            // Processing-time timers do not fire once a bounded input ends; the last watermark
            // does.
            ctx.timerService().registerEventTimeTimer(END_OF_INPUT);
        } else {
            lateEventsDropped.inc();
            if (!e.reattributed) {
                ctx.output(
                        TOO_LATE,
                        LateEvents.quarantine(job, e, watermark, allowedLateness, now(ctx)));
            }
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<CustomerFeatures> out)
            throws Exception {
        // Every version due by the watermark (in event time, the one being advanced to) is
        // applied in this one call, and the key's event-time timers up to it are deleted: a
        // watermark that passes many event times, or a batch of late versions, reads and writes
        // the customer's state once.
        boolean eventTime = ctx.timeDomain() == TimeDomain.EVENT_TIME;
        long watermark = ctx.timerService().currentWatermark();
        if (eventTime) {
            watermark = Math.max(timestamp, watermark);
        }
        List<EntityVersion> due = new ArrayList<>();
        for (EntityVersion p : pending.values()) {
            if (p.eventTime <= watermark) {
                due.add(p);
            }
        }
        if (due.isEmpty()) {
            return;
        }
        long from = Long.MAX_VALUE;
        for (EntityVersion v : due) {
            applied.put(v.id(), v);
            pending.remove(v.id());
            from = Math.min(from, v.eventTime);
            if (!eventTime || v.eventTime != timestamp) {
                ctx.timerService().deleteEventTimeTimer(v.eventTime);
            }
        }
        if (pending.isEmpty()) {
            ctx.timerService().deleteEventTimeTimer(END_OF_INPUT);
        }
        String customer = FeatureKeys.customer(ctx.getCurrentKey());
        CustomerLedger ledger = CustomerLedger.of(customer, settled.value(), applied.values());
        write(ledger, from, ctx, out);
        // A version arriving later is judged against a watermark at least this one.
        forget(ledger, horizon(watermark));
    }

    /**
     * Writes the rows from {@code from} on that are new or changed, and the row before {@code from}
     * if its {@code valid_to} changed.
     */
    private void write(
            CustomerLedger ledger, long from, Context ctx, Collector<CustomerFeatures> out)
            throws Exception {
        String key = ctx.getCurrentKey();
        String tenant = FeatureKeys.tenant(key);
        String customer = FeatureKeys.customer(key);
        long now = ctx.timerService().currentProcessingTime();
        Long first = ledger.firstEventTimeFrom(from);
        if (first == null) {
            return;
        }

        Long before = latestRowBefore(from);
        if (before != null) {
            CustomerFeatures previous = rows.get(before);
            Instant validTo = Instant.ofEpochMilli(first);
            if (!validTo.equals(previous.getValidTo())) {
                CustomerFeatures closed =
                        CustomerFeatures.newBuilder(previous)
                                .setValidTo(validTo)
                                .setComputedAt(Instant.ofEpochMilli(now))
                                .build();
                putRow(before, closed);
                out.collect(closed);
            }
        }
        ledger.forEachRowFrom(
                from,
                (t, next, live) -> {
                    CustomerFeatures row =
                            FeatureCalculator.compute(tenant, customer, live, t, next, now);
                    CustomerFeatures old = rows.get(t);
                    if (old == null || !sameContent(old, row)) {
                        putRow(t, row);
                        out.collect(row);
                        if (next == null) {
                            ctx.output(CURRENT, row);
                        }
                    }
                });
    }

    private void putRow(long validFrom, CustomerFeatures row) throws Exception {
        rows.put(validFrom, row);
        Long newest = newestRow.value();
        if (newest == null || validFrom > newest) {
            newestRow.update(validFrom);
        }
    }

    /**
     * The latest row before {@code t}: the newest row when it is before {@code t} (rows written in
     * order), else found among all rows (a late version's correction).
     */
    private Long latestRowBefore(long t) throws Exception {
        Long newest = newestRow.value();
        if (newest != null && newest < t) {
            return newest;
        }
        Long latest = null;
        Long max = null;
        for (Long validFrom : rows.keys()) {
            if (validFrom < t && (latest == null || validFrom > latest)) {
                latest = validFrom;
            }
            max = max == null || validFrom > max ? validFrom : max;
        }
        if (newest == null && max != null) {
            // Rows of a savepoint from before the newest row was kept.
            newestRow.update(max);
        }
        return latest;
    }

    /**
     * Settles the applied versions before {@code horizon} and drops the versions and rows no row at
     * or after it needs ({@link CustomerLedger#settle}). The rows are looked through only once the
     * horizon has moved a quarter of the allowed lateness since the last time: until then a few
     * more old rows stay, which no row reads.
     */
    private void forget(CustomerLedger ledger, long horizon) throws Exception {
        CustomerLedger.Settlement settlement = ledger.settle(horizon);
        for (String id : settlement.leftApplied) {
            applied.remove(id);
        }
        if (settlement.settledChanged) {
            settled.update(ledger.settled());
        }
        Long forgottenTo = rowsForgottenTo.value();
        long step = Math.max(1, allowedLateness.toMillis() / 4);
        if (forgottenTo != null
                && horizon
                        < (forgottenTo > Long.MAX_VALUE - step
                                ? Long.MAX_VALUE
                                : forgottenTo + step)) {
            return;
        }
        rowsForgottenTo.update(horizon);
        Long keep = latestRowBefore(horizon);
        List<Long> old = new ArrayList<>();
        for (Long validFrom : rows.keys()) {
            if (validFrom < horizon && !validFrom.equals(keep)) {
                old.add(validFrom);
            }
        }
        for (Long validFrom : old) {
            rows.remove(validFrom);
        }
    }

    private long horizon(long watermark) {
        long lateness = allowedLateness.toMillis();
        return watermark < Long.MIN_VALUE + lateness ? Long.MIN_VALUE : watermark - lateness;
    }

    /**
     * Whether {@code fresh}, just computed and not yet emitted, holds what {@code old} holds apart
     * from {@code computed_at} (compared in place: a builder's deep copy per row cost more).
     */
    private static boolean sameContent(CustomerFeatures old, CustomerFeatures fresh) {
        Instant computedAt = fresh.getComputedAt();
        fresh.setComputedAt(old.getComputedAt());
        boolean same = fresh.equals(old);
        fresh.setComputedAt(computedAt);
        return same;
    }

    private static Instant now(Context ctx) {
        return Instant.ofEpochMilli(ctx.timerService().currentProcessingTime());
    }

    /** Versions dropped as too late so far, on this subtask (for tests). */
    long lateEventsDropped() {
        return lateEventsDropped.getCount();
    }

    /** Late versions applied so far, on this subtask (for tests). */
    long lateEventsApplied() {
        return lateEventsApplied.getCount();
    }
}
