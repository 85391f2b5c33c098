package io.strata.bronze.time;

import static io.strata.bronze.BronzeEvents.event;
import static io.strata.bronze.RawRecords.MONDAY_10AM;
import static io.strata.bronze.RawRecords.MONDAY_9AM;
import static org.assertj.core.api.Assertions.assertThat;

import io.strata.model.bronze.BronzeEvent;
import java.time.Duration;
import java.util.List;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class FlagLateEventsTest {

    private static final Duration OUT_OF_ORDERNESS = Duration.ofSeconds(30);
    private static final Duration LATENESS = Duration.ofMinutes(10);

    /** Just inside the horizon: out-of-orderness plus allowed lateness behind the newest. */
    private static final java.time.Instant JUST_IN_TIME =
            MONDAY_10AM.minus(OUT_OF_ORDERNESS).minus(LATENESS);

    @Test
    void eventsBeyondTheHorizonOfTheirPartitionAreFlaggedNotDropped() throws Exception {
        try (var harness = harness(null)) {
            harness.processElement(record(event("acme", "a", MONDAY_10AM, 0, 1)));
            harness.processElement(record(event("acme", "b", JUST_IN_TIME, 0, 2)));
            harness.processElement(record(event("acme", "c", JUST_IN_TIME.minusMillis(1), 0, 3)));
            harness.processElement(record(event("acme", "d", MONDAY_9AM, 1, 1)));

            assertThat(lateFlags(harness.extractOutputValues()))
                    .as("partition 1 has its own clock")
                    .containsExactly(false, false, true, false);
        }
    }

    @Test
    void partitionClocksSurviveSnapshotAndRestore() throws Exception {
        OperatorSubtaskState snapshot;
        try (var harness = harness(null)) {
            harness.processElement(record(event("acme", "a", MONDAY_10AM, 0, 1)));
            snapshot = harness.snapshot(1L, 100L);
        }
        try (var restored = harness(snapshot)) {
            restored.processElement(record(event("acme", "b", MONDAY_9AM, 0, 2)));

            assertThat(lateFlags(restored.extractOutputValues())).containsExactly(true);
        }
    }

    private static OneInputStreamOperatorTestHarness<BronzeEvent, BronzeEvent> harness(
            OperatorSubtaskState restore) throws Exception {
        var harness =
                new OneInputStreamOperatorTestHarness<>(
                        new ProcessOperator<>(new FlagLateEvents(OUT_OF_ORDERNESS, LATENESS)));
        harness.getExecutionConfig().disableGenericTypes();
        if (restore != null) {
            harness.initializeState(restore);
        }
        harness.open();
        return harness;
    }

    private static StreamRecord<BronzeEvent> record(BronzeEvent event) {
        return new StreamRecord<>(event, event.getEventTime().toEpochMilli());
    }

    private static List<Boolean> lateFlags(List<BronzeEvent> events) {
        return events.stream().map(BronzeEvent::getLate).toList();
    }
}
