package io.strata.bronze.dedupe;

import static io.strata.bronze.BronzeEvents.event;
import static io.strata.bronze.RawRecords.MONDAY_9AM;
import static org.assertj.core.api.Assertions.assertThat;

import io.strata.model.bronze.BronzeEvent;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.contrib.streaming.state.EmbeddedRocksDBStateBackend;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.StateBackend;
import org.apache.flink.runtime.state.hashmap.HashMapStateBackend;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DeduplicateByEventIdTest {

    private static final Duration TTL = Duration.ofHours(1);

    /** A state backend; only the heap backend can count keyed state entries. */
    record Backend(String name, Supplier<StateBackend> create, boolean countsEntries) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Backend> backends() {
        return List.of(
                new Backend("heap", HashMapStateBackend::new, true),
                new Backend("rocksdb", EmbeddedRocksDBStateBackend::new, false));
    }

    @ParameterizedTest
    @MethodSource("backends")
    void copyWithinTheTtlIsDroppedAndSideOutput(Backend backend) throws Exception {
        try (var harness = harness(backend)) {
            harness.processElement(record(event("acme", "e-1", MONDAY_9AM, 1)));
            harness.setStateTtlProcessingTime(TTL.toMillis() - 1);
            harness.processElement(record(event("acme", "e-1", MONDAY_9AM, 2)));

            assertThat(offsets(harness.extractOutputValues())).containsExactly(1L);
            assertThat(harness.getSideOutput(DeduplicateByEventId.DUPLICATES))
                    .extracting(r -> r.getValue().getSource().getOffset())
                    .containsExactly(2L);
            assertStateEntries(harness, backend, 1);
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void sameEventIdOfAnotherTenantIsNoDuplicate(Backend backend) throws Exception {
        try (var harness = harness(backend)) {
            harness.processElement(record(event("acme", "e-1", MONDAY_9AM, 1)));
            harness.processElement(record(event("globex", "e-1", MONDAY_9AM, 2)));

            assertThat(offsets(harness.extractOutputValues())).containsExactly(1L, 2L);
            assertStateEntries(harness, backend, 2);
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void copyAfterTheTtlIsAcceptedAgain(Backend backend) throws Exception {
        try (var harness = harness(backend)) {
            harness.processElement(record(event("acme", "e-1", MONDAY_9AM, 1)));
            harness.setStateTtlProcessingTime(TTL.toMillis() + 1);
            harness.processElement(record(event("acme", "e-1", MONDAY_9AM, 2)));

            assertThat(offsets(harness.extractOutputValues())).containsExactly(1L, 2L);
            assertThat(harness.getSideOutput(DeduplicateByEventId.DUPLICATES)).isNull();
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void aCopyDoesNotExtendTheHorizon(Backend backend) throws Exception {
        try (var harness = harness(backend)) {
            harness.processElement(record(event("acme", "e-1", MONDAY_9AM, 1)));
            harness.setStateTtlProcessingTime(TTL.toMillis() / 2);
            harness.processElement(record(event("acme", "e-1", MONDAY_9AM, 2)));
            harness.setStateTtlProcessingTime(TTL.toMillis() + 1);
            harness.processElement(record(event("acme", "e-1", MONDAY_9AM, 3)));

            assertThat(offsets(harness.extractOutputValues())).containsExactly(1L, 3L);
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void seenIdsSurviveSnapshotAndRestore(Backend backend) throws Exception {
        OperatorSubtaskState snapshot;
        try (var harness = harness(backend)) {
            harness.processElement(record(event("acme", "e-1", MONDAY_9AM, 1)));
            harness.processElement(record(event("acme", "e-2", MONDAY_9AM, 2)));
            snapshot = harness.snapshot(1L, 100L);
        }
        try (var restored = harness(backend, snapshot)) {
            assertStateEntries(restored, backend, 2);
            restored.processElement(record(event("acme", "e-1", MONDAY_9AM, 3)));
            restored.processElement(record(event("acme", "e-3", MONDAY_9AM, 4)));

            assertThat(offsets(restored.extractOutputValues())).containsExactly(4L);
            assertStateEntries(restored, backend, 3);
        }
    }

    private static KeyedOneInputStreamOperatorTestHarness<
                    Tuple2<String, String>, BronzeEvent, BronzeEvent>
            harness(Backend backend) throws Exception {
        return harness(backend, null);
    }

    private static KeyedOneInputStreamOperatorTestHarness<
                    Tuple2<String, String>, BronzeEvent, BronzeEvent>
            harness(Backend backend, OperatorSubtaskState restore) throws Exception {
        var harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(new DeduplicateByEventId(TTL)),
                        new TenantEventKey(),
                        TenantEventKey.TYPE);
        // Any Kryo fallback in state or keys fails the test.
        harness.getExecutionConfig().disableGenericTypes();
        harness.setStateBackend(backend.create().get());
        harness.setStateTtlProcessingTime(0);
        if (restore != null) {
            harness.initializeState(restore);
        }
        harness.open();
        return harness;
    }

    private static void assertStateEntries(
            KeyedOneInputStreamOperatorTestHarness<?, ?, ?> harness, Backend backend, int n) {
        if (backend.countsEntries()) {
            assertThat(harness.numKeyedStateEntries()).isEqualTo(n);
        }
    }

    private static StreamRecord<BronzeEvent> record(BronzeEvent event) {
        return new StreamRecord<>(event, event.getEventTime().toEpochMilli());
    }

    private static List<Long> offsets(List<BronzeEvent> events) {
        return events.stream().map(e -> e.getSource().getOffset()).toList();
    }
}
