package io.strata.common.control;

import io.strata.common.flink.Uids;
import io.strata.common.manifest.ManifestTally;
import io.strata.common.manifest.ManifestTally.Outcome;
import io.strata.model.bronze.BronzeEvent;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.api.java.typeutils.TupleTypeInfo;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.TwoInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the records of paused tenants in keyed state and lets every other record through. Input 1
 * is the job's keyed stream, input 2 the broadcast {@link TenantControlStream}; the controls in
 * force are broadcast state ({@link #CONTROLS}), so every parallel instance decides alike and a
 * restart keeps them.
 *
 * <p>A record of a paused tenant is appended to its key's list ({@code held-records}) with an
 * arrival sequence number of its instance and its timestamp. When the tenant is resumed, each
 * instance takes the tenant's records out of all its keys, clears them and emits them sorted by
 * arrival: on every instance, a tenant's records leave in the order they arrived there (so per key,
 * and per source partition for the records one instance holds), with their original timestamps. The
 * release happens within one control record, between checkpoint barriers, so it is exactly once.
 * After rescaling while paused, records restored from different instances keep their order per key
 * only.
 *
 * <p>Watermarks pass on as they come (the control input is idle): a held record may be behind the
 * watermark when released, so only operators that do not judge lateness by the watermark may follow
 * (bronze-ingest flags lateness before the hold; silver-conform's operators order by event time,
 * not by watermark). At the end of a bounded input held records stay held: nothing is dropped, and
 * the manifest shows the tenant PAUSED.
 *
 * <p>A job started without state also starts with the controls in force when it was built ({@code
 * initial}, read from the control topic by the job's client), so a paused tenant's first records
 * are held even though the control stream may reach the operator after them; restored state has its
 * own controls and ignores them. The control stream then re-delivers the same controls.
 *
 * <p>Each held record's {@link ManifestTally} ({@link Outcome#HELD}) leaves through {@link
 * #HELD_TALLIES}. Metrics per tenant (group {@code tenant}): gauge {@code heldRecords} (held now on
 * this instance), counters {@code held} and {@code released}.
 */
public final class HoldPausedTenants<T> extends AbstractStreamOperator<T>
        implements TwoInputStreamOperator<T, TenantControl, T> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(HoldPausedTenants.class);

    /** The controls in force, tenant id → latest control. */
    public static final MapStateDescriptor<String, TenantControl> CONTROLS =
            new MapStateDescriptor<>("tenant-controls", Types.STRING, TenantControlStream.TYPE);

    /** The manifest tallies of held records. */
    public static final OutputTag<ManifestTally> HELD_TALLIES =
            new OutputTag<>("held-tallies", TypeInformation.of(ManifestTally.class));

    /** What the hold needs to know of a record. */
    public interface Records<T> extends Serializable {
        String tenant(T record);

        ManifestTally tally(T record);
    }

    private final TypeInformation<T> type;
    private final Records<T> records;
    private final TreeMap<String, TenantControl> initial;

    private transient ListStateDescriptor<Tuple3<Long, Long, T>> heldDescriptor;
    private transient ListState<Tuple3<Long, Long, T>> held;
    private transient BroadcastState<String, TenantControl> controls;
    private transient ListState<Long> sequences;
    private transient long sequence;
    private transient Map<String, TenantMetrics> metrics;

    /**
     * @param initial the controls in force at a start without state, by tenant
     */
    public HoldPausedTenants(
            TypeInformation<T> type, Records<T> records, Map<String, TenantControl> initial) {
        this.type = type;
        this.records = records;
        this.initial = new TreeMap<>(initial);
    }

    /**
     * Adds the hold over {@code keyed} (uid {@code <job>-hold-paused}); the result is partitioned
     * as {@code keyed} is, so a keyed operator may follow it through {@code
     * DataStreamUtils.reinterpretAsKeyedStream}.
     */
    public static SingleOutputStreamOperator<BronzeEvent> bronzeEvents(
            KeyedStream<BronzeEvent, ?> keyed,
            DataStream<TenantControl> controls,
            Map<String, TenantControl> initial,
            TypeInformation<BronzeEvent> type,
            Uids uids) {
        return keyed.connect(controls)
                .transform("Hold paused tenants", type, forBronzeEvents(type, initial))
                .uid(uids.of("hold-paused"));
    }

    /** The hold of Bronze events (both jobs hold them), typed by the job's {@code type}. */
    public static HoldPausedTenants<BronzeEvent> forBronzeEvents(
            TypeInformation<BronzeEvent> type, Map<String, TenantControl> initial) {
        return new HoldPausedTenants<>(type, new BronzeEventRecords(), initial);
    }

    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        super.initializeState(context);
        heldDescriptor =
                new ListStateDescriptor<>(
                        "held-records", new TupleTypeInfo<>(Types.LONG, Types.LONG, type));
        controls = context.getOperatorStateStore().getBroadcastState(CONTROLS);
        if (!context.isRestored()) {
            for (Map.Entry<String, TenantControl> c : initial.entrySet()) {
                controls.put(c.getKey(), c.getValue());
            }
        }
        // Union state: every instance restarts above every sequence number already held, so
        // records held after a rescale sort after those held before it.
        sequences =
                context.getOperatorStateStore()
                        .getUnionListState(
                                new ListStateDescriptor<>("hold-arrival-sequence", Types.LONG));
        sequence = 0;
        for (Long s : sequences.get()) {
            sequence = Math.max(sequence, s);
        }
    }

    @Override
    public void open() throws Exception {
        super.open();
        held = getKeyedStateStore().getListState(heldDescriptor);
        metrics = new HashMap<>();
        forEachKey(
                (key, list) -> {
                    for (Tuple3<Long, Long, T> h : list.get()) {
                        metrics(records.tenant(h.f2)).holding++;
                    }
                });
    }

    @Override
    public void processElement1(StreamRecord<T> element) throws Exception {
        T record = element.getValue();
        String tenant = records.tenant(record);
        TenantControl control = controls.get(tenant);
        if (control == null || !control.isPaused()) {
            output.collect(element);
            return;
        }
        long timestamp = element.hasTimestamp() ? element.getTimestamp() : Long.MIN_VALUE;
        held.add(Tuple3.of(sequence++, timestamp, record));
        TenantMetrics m = metrics(tenant);
        m.holding++;
        m.held.inc();
        output.collect(HELD_TALLIES, new StreamRecord<>(records.tally(record)));
    }

    @Override
    public void processElement2(StreamRecord<TenantControl> element) throws Exception {
        TenantControl control = element.getValue();
        controls.put(control.tenant, control);
        if (control.isPaused()) {
            LOG.info("Holding the records of tenant {}", control);
        } else {
            release(control.tenant);
        }
    }

    @Override
    public void snapshotState(StateSnapshotContext context) throws Exception {
        super.snapshotState(context);
        sequences.update(List.of(sequence));
    }

    /** Emits the tenant's held records in arrival order and forgets them. */
    private void release(String tenant) throws Exception {
        List<Tuple3<Long, Long, T>> released = new ArrayList<>();
        forEachKey(
                (key, list) -> {
                    int before = released.size();
                    for (Tuple3<Long, Long, T> h : list.get()) {
                        if (tenant.equals(records.tenant(h.f2))) {
                            released.add(h);
                        }
                    }
                    if (released.size() > before) {
                        list.clear();
                    }
                });
        if (released.isEmpty()) {
            return;
        }
        released.sort(Comparator.comparingLong(h -> h.f0));
        TenantMetrics m = metrics(tenant);
        for (Tuple3<Long, Long, T> h : released) {
            output.collect(
                    h.f1 == Long.MIN_VALUE
                            ? new StreamRecord<>(h.f2)
                            : new StreamRecord<>(h.f2, h.f1));
        }
        m.holding -= released.size();
        m.released.inc(released.size());
        LOG.info("Released {} held records of tenant {}", released.size(), tenant);
    }

    private void forEachKey(
            org.apache.flink.runtime.state.KeyedStateFunction<
                            Object, ListState<Tuple3<Long, Long, T>>>
                    function)
            throws Exception {
        getKeyedStateBackend()
                .applyToAllKeys(
                        VoidNamespace.INSTANCE,
                        VoidNamespaceSerializer.INSTANCE,
                        heldDescriptor,
                        function);
    }

    private TenantMetrics metrics(String tenant) {
        return metrics.computeIfAbsent(
                tenant, t -> new TenantMetrics(getMetricGroup().addGroup("tenant", t)));
    }

    /** Per-tenant metrics; {@code holding} backs the gauge. */
    private static final class TenantMetrics {
        final Counter held;
        final Counter released;
        long holding;

        TenantMetrics(MetricGroup group) {
            held = group.counter("held");
            released = group.counter("released");
            group.gauge("heldRecords", () -> holding);
        }
    }

    /** Bronze events: both jobs hold them at their stateful entry. */
    static final class BronzeEventRecords implements Records<BronzeEvent> {
        private static final long serialVersionUID = 1L;

        @Override
        public String tenant(BronzeEvent record) {
            return record.getTenantId();
        }

        @Override
        public ManifestTally tally(BronzeEvent record) {
            return ManifestTally.of(record, Outcome.HELD).withParent(record.getManifestId());
        }
    }
}
