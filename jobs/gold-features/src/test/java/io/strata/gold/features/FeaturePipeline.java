package io.strata.gold.features;

import io.strata.model.gold.CustomerFeatures;
import io.strata.model.ops.QuarantineRecord;
import io.strata.model.silver.Order;
import io.strata.model.silver.ProductReturn;
import io.strata.model.silver.SupportTicket;
import io.strata.testing.upgrade.UserCodeHarness;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.KeyedStateBackend;
import org.apache.flink.runtime.state.StateBackend;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;

/**
 * The two keyed operators of the features, each in a test harness, wired as in the graph: Silver
 * rows → {@link AttributeToCustomers} → {@link ComputeCustomerFeatures}, with the watermark set by
 * the test. Generic (Kryo) types are disabled as in the jobs. Rows are read back with {@code
 * computed_at} at the epoch (the harness's processing time moves on to apply late versions).
 */
final class FeaturePipeline implements AutoCloseable {

    static final Duration ALLOWED_LATENESS = Duration.ofHours(6);
    static final Duration LATE_BATCH = Duration.ofMillis(500);
    static final String JOB = "gold-features";

    private final KeyedOneInputStreamOperatorTestHarness<String, CustomerEvent, CustomerEvent>
            attribution;
    private final KeyedOneInputStreamOperatorTestHarness<String, CustomerEvent, CustomerFeatures>
            features;
    private final ComputeCustomerFeatures function;
    private int historyMark;
    private int currentMark;
    private int quarantineMark;

    /** Snapshots of both operators. */
    record Snapshot(OperatorSubtaskState attribution, OperatorSubtaskState features) {}

    private FeaturePipeline(StateBackend backend, Snapshot restored, ClassLoader userCode)
            throws Exception {
        attribution =
                harness(
                        new KeyedProcessOperator<>(new AttributeToCustomers(ALLOWED_LATENESS)),
                        FeatureKeys.ENTITY,
                        userCode);
        function = new ComputeCustomerFeatures(JOB, ALLOWED_LATENESS, LATE_BATCH);
        features = harness(new KeyedProcessOperator<>(function), FeatureKeys.CUSTOMER, userCode);
        for (var harness : List.of(attribution, features)) {
            harness.getExecutionConfig().disableGenericTypes();
            if (backend != null) {
                harness.setStateBackend(backend);
            }
        }
        if (restored != null) {
            attribution.initializeState(restored.attribution());
            features.initializeState(restored.features());
        }
        attribution.open();
        features.open();
    }

    static FeaturePipeline start() throws Exception {
        return new FeaturePipeline(null, null, null);
    }

    static FeaturePipeline start(StateBackend backend) throws Exception {
        return new FeaturePipeline(backend, null, null);
    }

    static FeaturePipeline restore(StateBackend backend, Snapshot snapshot) throws Exception {
        return new FeaturePipeline(backend, snapshot, null);
    }

    /** Restores {@code snapshot} in harnesses whose tasks load classes with {@code userCode}. */
    static FeaturePipeline restore(StateBackend backend, Snapshot snapshot, ClassLoader userCode)
            throws Exception {
        return new FeaturePipeline(backend, snapshot, userCode);
    }

    private static <OUT> KeyedOneInputStreamOperatorTestHarness<String, CustomerEvent, OUT> harness(
            KeyedProcessOperator<String, CustomerEvent, OUT> operator,
            KeySelector<CustomerEvent, String> key,
            ClassLoader userCode)
            throws Exception {
        return userCode == null
                ? new KeyedOneInputStreamOperatorTestHarness<>(operator, key, FeatureKeys.TYPE)
                : UserCodeHarness.of(operator, key, FeatureKeys.TYPE, userCode);
    }

    /** Sends {@code row} through both operators, then lets a late version's batch be applied. */
    void send(SpecificRecordBase row) throws Exception {
        receive(row);
        applyLateVersions();
    }

    /** Sends {@code row} through both operators; late versions wait for their batch. */
    void receive(SpecificRecordBase row) throws Exception {
        CustomerEvent event = event(row);
        attribution.processElement(new StreamRecord<>(event, event.version.eventTime));
        for (CustomerEvent attributed : attribution.extractOutputValues()) {
            features.processElement(new StreamRecord<>(attributed, attributed.version.eventTime));
        }
        attribution.getOutput().clear();
    }

    /** Moves the processing time on by one batch of late versions, which applies them. */
    void applyLateVersions() throws Exception {
        features.setProcessingTime(features.getProcessingTime() + LATE_BATCH.toMillis());
    }

    /** The input event of a Silver row, as the graph's first map makes it. */
    static CustomerEvent event(SpecificRecordBase row) {
        if (row instanceof Order o) {
            return CustomerEvents.of(o);
        }
        if (row instanceof SupportTicket t) {
            return CustomerEvents.of(t);
        }
        return CustomerEvents.of((ProductReturn) row);
    }

    void sendAll(List<? extends SpecificRecordBase> rows) throws Exception {
        for (SpecificRecordBase row : rows) {
            send(row);
        }
    }

    void watermark(Instant time) throws Exception {
        features.processWatermark(new Watermark(time.toEpochMilli()));
    }

    /** Every row written since the {@link #mark()}, in order. */
    List<CustomerFeatures> history() {
        return since(allHistory(), historyMark);
    }

    /** Every current row written since the {@link #mark()}, in order. */
    List<CustomerFeatures> current() {
        return since(
                atEpoch(values(features.getSideOutput(ComputeCustomerFeatures.CURRENT))),
                currentMark);
    }

    List<QuarantineRecord> quarantined() {
        return since(
                values(features.getSideOutput(ComputeCustomerFeatures.TOO_LATE)), quarantineMark);
    }

    private List<CustomerFeatures> allHistory() {
        return atEpoch(features.extractOutputValues());
    }

    /** {@code rows} with {@code computed_at} at the epoch, as the reference computes them. */
    private static List<CustomerFeatures> atEpoch(List<CustomerFeatures> rows) {
        rows.forEach(r -> r.setComputedAt(Instant.EPOCH));
        return rows;
    }

    private static <T> List<T> since(List<T> all, int mark) {
        return all.subList(mark, all.size());
    }

    /**
     * What the history table holds: the latest write per (tenant, customer, valid_from), ordered by
     * them.
     */
    List<CustomerFeatures> historyTable() {
        return table(allHistory());
    }

    /** The latest of {@code writes} per (tenant, customer, valid_from), ordered by them. */
    static List<CustomerFeatures> table(List<CustomerFeatures> writes) {
        Map<String, CustomerFeatures> table = new LinkedHashMap<>();
        for (CustomerFeatures row : writes) {
            table.put(
                    row.getTenantId() + "|" + row.getCustomerKey() + "|" + row.getValidFrom(), row);
        }
        return table.values().stream().sorted(BY_KEY).toList();
    }

    /** The rows of one customer in the history table. */
    List<CustomerFeatures> historyTable(String customer) {
        return historyTable().stream().filter(r -> r.getCustomerKey().equals(customer)).toList();
    }

    /**
     * From now on {@link #history()}, {@link #current()} and {@link #quarantined()} return only
     * what is written after this call; {@link #historyTable()} still holds every write.
     */
    void mark() {
        historyMark = allHistory().size();
        currentMark = values(features.getSideOutput(ComputeCustomerFeatures.CURRENT)).size();
        quarantineMark = values(features.getSideOutput(ComputeCustomerFeatures.TOO_LATE)).size();
    }

    Snapshot snapshot() throws Exception {
        return new Snapshot(attribution.snapshot(1, 1), features.snapshot(1, 1));
    }

    long lateEventsDropped() {
        return function.lateEventsDropped();
    }

    long lateEventsApplied() {
        return function.lateEventsApplied();
    }

    /** The valid_from of the rows kept in state for {@code customer} of the test tenant. */
    List<Instant> keptRows(String customer) throws Exception {
        KeyedStateBackend<String> state = features.getOperator().getKeyedStateBackend();
        state.setCurrentKey(FeatureKeys.of(SilverLog.TENANT, customer));
        MapState<Long, CustomerFeatures> rows =
                state.getPartitionedState(
                        VoidNamespace.INSTANCE,
                        VoidNamespaceSerializer.INSTANCE,
                        new MapStateDescriptor<>(
                                "rows", Types.LONG, new AvroTypeInfo<>(CustomerFeatures.class)));
        List<Instant> kept = new ArrayList<>();
        rows.keys().forEach(t -> kept.add(Instant.ofEpochMilli(t)));
        kept.sort(Comparator.naturalOrder());
        return kept;
    }

    /**
     * Moves {@code customer}'s settled versions back among the applied ones, as a savepoint from
     * before the settled list holds them; returns how many moved.
     */
    int unsettle(String customer) throws Exception {
        KeyedStateBackend<String> state = features.getOperator().getKeyedStateBackend();
        state.setCurrentKey(FeatureKeys.of(SilverLog.TENANT, customer));
        TypeInformation<EntityVersion> versionType = TypeInformation.of(EntityVersion.class);
        ValueState<List<EntityVersion>> settled =
                state.getPartitionedState(
                        VoidNamespace.INSTANCE,
                        VoidNamespaceSerializer.INSTANCE,
                        new ValueStateDescriptor<>("settled", Types.LIST(versionType)));
        MapState<String, EntityVersion> applied =
                state.getPartitionedState(
                        VoidNamespace.INSTANCE,
                        VoidNamespaceSerializer.INSTANCE,
                        new MapStateDescriptor<>("applied", Types.STRING, versionType));
        List<EntityVersion> versions = settled.value() == null ? List.of() : settled.value();
        for (EntityVersion v : versions) {
            applied.put(v.id(), v);
        }
        settled.clear();
        return versions.size();
    }

    static final Comparator<CustomerFeatures> BY_KEY =
            Comparator.comparing(CustomerFeatures::getTenantId)
                    .thenComparing(CustomerFeatures::getCustomerKey)
                    .thenComparing(CustomerFeatures::getValidFrom);

    private static <T> List<T> values(Iterable<StreamRecord<T>> records) {
        List<T> values = new ArrayList<>();
        if (records != null) {
            records.forEach(r -> values.add(r.getValue()));
        }
        return values;
    }

    @Override
    public void close() throws Exception {
        attribution.close();
        features.close();
    }
}
