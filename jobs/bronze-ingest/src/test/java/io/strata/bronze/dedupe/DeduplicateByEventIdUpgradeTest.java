package io.strata.bronze.dedupe;

import static io.strata.bronze.BronzeEvents.event;
import static io.strata.bronze.RawRecords.MONDAY_9AM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.bronze.dedupe.DeduplicateByEventIdTest.Backend;
import io.strata.model.bronze.BronzeEvent;
import io.strata.testing.upgrade.JobV2;
import io.strata.testing.upgrade.UserCodeHarness;
import io.strata.testing.upgrade.V2Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.StateBackend;
import org.apache.flink.runtime.state.hashmap.HashMapStateBackend;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.Collector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Dedupe upgraded from v1 to v2 ({@code src/test/upgrade-v2}: {@link SeenEvent} gains the accepted
 * copy's checksum, {@code BronzeEvent} the column {@code first_checksum} filled from it) through a
 * snapshot: the ids v1 accepted are still dropped, and v2 remembers checksums from then on.
 */
class DeduplicateByEventIdUpgradeTest {

    private static final Duration TTL = Duration.ofHours(1);

    @ParameterizedTest
    @MethodSource("io.strata.bronze.dedupe.DeduplicateByEventIdTest#backends")
    void v2DropsCopiesOfWhatV1AcceptedAndRemembersChecksumsFromThenOn(Backend backend)
            throws Exception {
        OperatorSubtaskState v1;
        try (var harness = harness(backend.create().get(), null, null)) {
            harness.processElement(record(copy("e-1", 1)));
            harness.processElement(record(copy("e-2", 2)));
            assertThat(harness.extractOutputValues()).hasSize(2);
            v1 = harness.snapshot(1L, 100L);
        }

        List<String> v2 = JobV2.ofThisModule().restore(V2.class, backend.create().get(), v1);

        assertThat(v2)
                .containsExactly(
                        // v1's entries: copies dropped, the entry knows no checksum.
                        "dropped 3 first_checksum=null",
                        // v2's: accepted with its checksum, a copy dropped naming it.
                        "accepted 4 first_checksum=sha-4",
                        "dropped 5 first_checksum=sha-4",
                        "restored from v2",
                        "dropped 6 first_checksum=null",
                        "dropped 7 first_checksum=sha-4",
                        "accepted 8 first_checksum=sha-8");
    }

    /** Before {@link SeenEvent}, {@code seen} held a Boolean: such savepoints are refused. */
    @ParameterizedTest
    @MethodSource("io.strata.bronze.dedupe.DeduplicateByEventIdTest#backends")
    void aSavepointOfTheBooleanSeenStateIsRefused(Backend backend) throws Exception {
        OperatorSubtaskState flags;
        try (var harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(new BooleanSeen()),
                        new TenantEventKey(),
                        TenantEventKey.TYPE)) {
            harness.setStateBackend(backend.create().get());
            harness.open();
            harness.processElement(record(copy("e-1", 1)));
            flags = harness.snapshot(1L, 100L);
        }

        assertThatThrownBy(() -> harness(backend.create().get(), flags, null).close())
                .hasStackTraceContaining("StateMigrationException")
                .hasStackTraceContaining("must not be incompatible with the old state serializer");
    }

    /** The state {@code seen} as it was before {@link SeenEvent}: a flag with the TTL. */
    private static final class BooleanSeen
            extends KeyedProcessFunction<Tuple2<String, String>, BronzeEvent, BronzeEvent> {

        private transient ValueState<Boolean> seen;

        @Override
        public void open(OpenContext openContext) {
            ValueStateDescriptor<Boolean> descriptor =
                    new ValueStateDescriptor<>("seen", Types.BOOLEAN);
            descriptor.enableTimeToLive(StateTtlConfig.newBuilder(TTL).build());
            seen = getRuntimeContext().getState(descriptor);
        }

        @Override
        public void processElement(BronzeEvent event, Context ctx, Collector<BronzeEvent> out)
                throws Exception {
            seen.update(Boolean.TRUE);
        }
    }

    /** Runs with v2's classes: restores v1's snapshot, then v2's own. */
    static final class V2 implements V2Step<List<String>> {

        @Override
        public List<String> restore(StateBackend backend, OperatorSubtaskState... v1)
                throws Exception {
            List<String> seen = new ArrayList<>();
            OperatorSubtaskState v2;
            try (var harness = harness(backend, v1[0], getClass().getClassLoader())) {
                harness.processElement(record(copy("e-1", 3)));
                harness.processElement(record(copy("e-3", 4)));
                harness.processElement(record(copy("e-3", 5)));
                seen.addAll(describe(harness));
                if (backend instanceof HashMapStateBackend) {
                    assertThat(harness.numKeyedStateEntries()).isEqualTo(3);
                }
                v2 = harness.snapshot(2L, 200L);
            }
            seen.add("restored from v2");
            try (var harness = harness(backend, v2, getClass().getClassLoader())) {
                harness.processElement(record(copy("e-2", 6)));
                harness.processElement(record(copy("e-3", 7)));
                harness.processElement(record(copy("e-8", 8)));
                seen.addAll(describe(harness));
            }
            return seen;
        }
    }

    /** What the harness emitted, accepted or dropped, in offset order: offset and v2's column. */
    private static List<String> describe(
            KeyedOneInputStreamOperatorTestHarness<?, BronzeEvent, BronzeEvent> harness) {
        Map<Long, String> seen = new TreeMap<>();
        for (BronzeEvent e : harness.extractOutputValues()) {
            seen.put(e.getSource().getOffset(), "accepted " + describe(e));
        }
        var dropped = harness.getSideOutput(DeduplicateByEventId.DUPLICATES);
        if (dropped != null) {
            dropped.forEach(
                    r ->
                            seen.put(
                                    r.getValue().getSource().getOffset(),
                                    "dropped " + describe(r.getValue())));
        }
        return List.copyOf(seen.values());
    }

    /** Offset and v2's column, by name: this class is compiled against v1, which has no getter. */
    private static String describe(BronzeEvent e) {
        return e.getSource().getOffset() + " first_checksum=" + e.get("first_checksum");
    }

    /** A copy of {@code eventId} at {@code offset}, its checksum named after the offset. */
    private static BronzeEvent copy(String eventId, long offset) {
        BronzeEvent e = event("acme", eventId, MONDAY_9AM, offset);
        e.setChecksum("sha-" + offset);
        return e;
    }

    /** A harness over v1's classes ({@code userCode} null) or those {@code userCode} loads. */
    private static KeyedOneInputStreamOperatorTestHarness<
                    Tuple2<String, String>, BronzeEvent, BronzeEvent>
            harness(StateBackend backend, OperatorSubtaskState restore, ClassLoader userCode)
                    throws Exception {
        var operator = new KeyedProcessOperator<>(new DeduplicateByEventId(TTL));
        var harness =
                userCode == null
                        ? new KeyedOneInputStreamOperatorTestHarness<>(
                                operator, new TenantEventKey(), TenantEventKey.TYPE)
                        : UserCodeHarness.of(
                                operator, new TenantEventKey(), TenantEventKey.TYPE, userCode);
        harness.getExecutionConfig().disableGenericTypes();
        harness.setStateBackend(backend);
        harness.setStateTtlProcessingTime(0);
        if (restore != null) {
            harness.initializeState(restore);
        }
        harness.open();
        return harness;
    }

    private static StreamRecord<BronzeEvent> record(BronzeEvent event) {
        return new StreamRecord<>(event, event.getEventTime().toEpochMilli());
    }
}
