package io.strata.bronze.hold;

import static io.strata.bronze.BronzeEvents.event;
import static io.strata.bronze.RawRecords.MONDAY_9AM;
import static org.assertj.core.api.Assertions.assertThat;

import io.strata.bronze.dedupe.TenantEventKey;
import io.strata.common.control.HoldPausedTenants;
import io.strata.common.control.TenantControl;
import io.strata.common.control.TenantState;
import io.strata.model.bronze.BronzeEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.contrib.streaming.state.EmbeddedRocksDBStateBackend;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.StateBackend;
import org.apache.flink.runtime.state.hashmap.HashMapStateBackend;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Common's {@link HoldPausedTenants} over Bronze events, as bronze-ingest runs it (keyed by
 * (tenant, event id)); here for the Avro type information and the RocksDB backend of this module.
 */
class HoldPausedTenantsTest {

    private static final Instant PAUSED_AT = MONDAY_9AM.plus(Duration.ofHours(3));

    /** A state backend; only the heap backend can count keyed state entries. */
    record Backend(String name, Supplier<StateBackend> create) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Backend> backends() {
        return List.of(
                new Backend("heap", HashMapStateBackend::new),
                new Backend("rocksdb", EmbeddedRocksDBStateBackend::new));
    }

    @Test
    void aPausedTenantsRecordsAreHeldAndTalliedWhileOtherTenantsPass() throws Exception {
        try (var harness = harness(new HashMapStateBackend(), null)) {
            harness.processElement2(control("acme", TenantState.PAUSED));
            harness.processElement1(record("acme", "a1", 1));
            harness.processElement1(record("globex", "g1", 2));
            harness.processElement1(record("acme", "a2", 3));

            assertThat(offsets(harness.extractOutputValues())).containsExactly(2L);
            assertThat(harness.getSideOutput(HoldPausedTenants.HELD_TALLIES))
                    .extracting(StreamRecord::getValue)
                    .extracting(t -> t.tenant + "@" + t.offset + ":" + t.outcome)
                    .containsExactly("acme@1:HELD", "acme@3:HELD");
            assertThat(harness.numKeyedStateEntries()).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void resumeReleasesTheHeldRecordsInArrivalOrderWithTheirTimestamps(Backend backend)
            throws Exception {
        try (var harness = harness(backend.create.get(), null)) {
            harness.processElement2(control("acme", TenantState.PAUSED));
            // Arrival order is not key order: z, b, m, then a copy of b under b's key.
            harness.processElement1(record("acme", "z", 1));
            harness.processElement1(record("acme", "b", 2));
            harness.processElement1(record("acme", "m", 3));
            harness.processElement1(record("acme", "b", 4));
            harness.processWatermark1(new Watermark(eventTime(4).toEpochMilli()));
            assertThat(harness.extractOutputValues()).isEmpty();

            harness.processElement2(control("acme", TenantState.ACTIVE));

            assertThat(offsets(harness.extractOutputValues())).containsExactly(1L, 2L, 3L, 4L);
            assertThat(harness.extractOutputStreamRecords())
                    .extracting(StreamRecord::getTimestamp)
                    .containsExactly(
                            eventTime(1).toEpochMilli(),
                            eventTime(2).toEpochMilli(),
                            eventTime(3).toEpochMilli(),
                            eventTime(4).toEpochMilli());
            harness.getOutput().clear();
            harness.processElement2(control("acme", TenantState.ACTIVE));
            harness.processElement1(record("acme", "after", 5));
            assertThat(offsets(harness.extractOutputValues())).containsExactly(5L);
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void aRestoreWhilePausedKeepsTheHeldRecordsAndThePause(Backend backend) throws Exception {
        OperatorSubtaskState snapshot;
        try (var harness = harness(backend.create.get(), null)) {
            harness.processElement2(control("acme", TenantState.PAUSED));
            harness.processElement1(record("acme", "a2", 1));
            harness.processElement1(record("acme", "a1", 2));
            snapshot = harness.snapshot(1L, 1L);
        }
        try (var restored = harness(backend.create.get(), snapshot)) {
            restored.processElement1(record("acme", "a0", 3));
            restored.processElement1(record("globex", "g1", 4));
            assertThat(offsets(restored.extractOutputValues())).containsExactly(4L);
            restored.getOutput().clear();

            restored.processElement2(control("acme", TenantState.ACTIVE));

            assertThat(offsets(restored.extractOutputValues())).containsExactly(1L, 2L, 3L);
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void aSecondPauseHoldsOnlyWhatArrivesDuringIt(Backend backend) throws Exception {
        try (var harness = harness(backend.create.get(), null)) {
            harness.processElement2(control("acme", TenantState.PAUSED));
            harness.processElement1(record("acme", "a1", 1));
            harness.processElement2(control("acme", TenantState.ACTIVE));
            harness.processElement1(record("acme", "a2", 2));
            harness.processElement2(control("acme", TenantState.PAUSED));
            harness.processElement1(record("acme", "a3", 3));
            harness.processElement1(record("acme", "a1", 4));
            assertThat(offsets(harness.extractOutputValues())).containsExactly(1L, 2L);

            harness.processElement2(control("acme", TenantState.ACTIVE));

            assertThat(offsets(harness.extractOutputValues())).containsExactly(1L, 2L, 3L, 4L);
            assertThat(harness.getSideOutput(HoldPausedTenants.HELD_TALLIES))
                    .extracting(r -> r.getValue().offset)
                    .containsExactly(1L, 3L, 4L);
        }
    }

    @Test
    void aResumeOfAnotherTenantReleasesNothing() throws Exception {
        try (var harness = harness(new HashMapStateBackend(), null)) {
            harness.processElement2(control("acme", TenantState.PAUSED));
            harness.processElement2(control("globex", TenantState.PAUSED));
            harness.processElement1(record("acme", "a1", 1));
            harness.processElement1(record("globex", "g1", 2));

            harness.processElement2(control("globex", TenantState.ACTIVE));

            assertThat(offsets(harness.extractOutputValues())).containsExactly(2L);
            assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
        }
    }

    @Test
    void theEndOfTheInputKeepsHeldRecordsHeld() throws Exception {
        try (var harness = harness(new HashMapStateBackend(), null)) {
            harness.processElement2(control("acme", TenantState.PAUSED));
            harness.processElement1(record("acme", "a1", 1));
            harness.processElement1(record("globex", "g1", 2));
            harness.processWatermark1(new Watermark(Long.MAX_VALUE));
            harness.processWatermark2(new Watermark(Long.MAX_VALUE));

            assertThat(offsets(harness.extractOutputValues())).containsExactly(2L);
            assertThat(harness.getOutput()).contains(new Watermark(Long.MAX_VALUE));
            assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
        }
    }

    @Test
    void aStartWithoutStateHoldsATenantPausedWhenTheJobWasBuiltFromItsFirstRecord()
            throws Exception {
        Map<String, TenantControl> initial =
                Map.of("acme", control("acme", TenantState.PAUSED).getValue());
        try (var harness = harness(new HashMapStateBackend(), null, initial)) {
            harness.processElement1(record("acme", "a1", 1));
            harness.processElement1(record("globex", "g1", 2));
            assertThat(offsets(harness.extractOutputValues())).containsExactly(2L);

            harness.processElement2(control("acme", TenantState.ACTIVE));
            assertThat(offsets(harness.extractOutputValues())).containsExactly(2L, 1L);
        }
    }

    @Test
    void restoredControlsWinOverTheInitialOnes() throws Exception {
        OperatorSubtaskState snapshot;
        try (var harness = harness(new HashMapStateBackend(), null)) {
            harness.processElement2(control("acme", TenantState.ACTIVE));
            snapshot = harness.snapshot(1, 1);
        }
        Map<String, TenantControl> initial =
                Map.of("acme", control("acme", TenantState.PAUSED).getValue());
        try (var harness = harness(new HashMapStateBackend(), snapshot, initial)) {
            harness.processElement1(record("acme", "a1", 1));
            assertThat(offsets(harness.extractOutputValues())).containsExactly(1L);
        }
    }

    private static KeyedTwoInputStreamOperatorTestHarness<
                    Tuple2<String, String>, BronzeEvent, TenantControl, BronzeEvent>
            harness(StateBackend backend, OperatorSubtaskState restore) throws Exception {
        return harness(backend, restore, Map.of());
    }

    private static KeyedTwoInputStreamOperatorTestHarness<
                    Tuple2<String, String>, BronzeEvent, TenantControl, BronzeEvent>
            harness(
                    StateBackend backend,
                    OperatorSubtaskState restore,
                    Map<String, TenantControl> initial)
                    throws Exception {
        var harness =
                new KeyedTwoInputStreamOperatorTestHarness<>(
                        HoldPausedTenants.forBronzeEvents(
                                new AvroTypeInfo<>(BronzeEvent.class), initial),
                        new TenantEventKey(),
                        null,
                        TenantEventKey.TYPE);
        harness.setStateBackend(backend);
        harness.setup();
        harness.initializeState(restore);
        harness.open();
        return harness;
    }

    private static StreamRecord<TenantControl> control(String tenant, TenantState state) {
        return new StreamRecord<>(new TenantControl(tenant, state, PAUSED_AT, "test", null));
    }

    /** An event at {@code offset}, whose event time is minute {@code offset}. */
    private static StreamRecord<BronzeEvent> record(String tenant, String id, long offset) {
        return new StreamRecord<>(
                event(tenant, id, eventTime(offset), offset), eventTime(offset).toEpochMilli());
    }

    private static Instant eventTime(long offset) {
        return MONDAY_9AM.plus(Duration.ofMinutes(offset));
    }

    private static List<Long> offsets(List<BronzeEvent> events) {
        return events.stream().map(e -> e.getSource().getOffset()).toList();
    }
}
