package io.strata.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reading Flink's REST answers into where a chain job's time went. */
class ChainLoadTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void sharesAreReadInTheirOrderAndASubtaskWithoutThemIsNoSample() throws Exception {
        JsonNode answer =
                JSON.readTree(
                        """
                        [{"id": "idleTimeMsPerSecond", "avg": 12.5},
                         {"id": "busyTimeMsPerSecond", "avg": 950.0},
                         {"id": "backPressuredTimeMsPerSecond", "avg": 37.5}]
                        """);
        assertThat(ChainLoad.averages(answer)).containsExactly(950.0, 37.5, 12.5);

        // A task just deployed reports no time metrics, or NaN.
        assertThat(ChainLoad.averages(JSON.readTree("[]"))).isNull();
        assertThat(
                        ChainLoad.averages(
                                JSON.readTree(
                                        """
                                        [{"id": "idleTimeMsPerSecond", "avg": 0},
                                         {"id": "busyTimeMsPerSecond", "avg": "NaN"},
                                         {"id": "backPressuredTimeMsPerSecond", "avg": 0}]
                                        """)))
                .isNull();
    }

    @Test
    void theSlowestCompletedCheckpointIsTakenOnlyWhenSlowerThanTheOneKnown() throws Exception {
        JsonNode stats =
                JSON.readTree(
                        """
                        {"history": [
                          {"id": 7, "status": "IN_PROGRESS", "end_to_end_duration": 90000,
                           "is_savepoint": false},
                          {"id": 6, "status": "COMPLETED", "end_to_end_duration": 4000,
                           "is_savepoint": false},
                          {"id": 5, "status": "COMPLETED", "end_to_end_duration": 33000,
                           "is_savepoint": false},
                          {"id": 4, "status": "FAILED", "end_to_end_duration": 60000,
                           "is_savepoint": false},
                          {"id": 3, "status": "COMPLETED", "end_to_end_duration": 50000,
                           "is_savepoint": true}
                        ]}
                        """);
        assertThat(ChainLoad.slowestCompleted(stats, -1)).contains(5L);
        assertThat(ChainLoad.slowestCompleted(stats, 33_000)).isEmpty();
        assertThat(ChainLoad.slowestCompleted(JSON.readTree("{}"), -1)).isEmpty();
    }

    @Test
    void aCheckpointIsSplitAtTheSubtaskThatAcknowledgedLast() throws Exception {
        JsonNode details =
                JSON.readTree(
                        """
                        {"id": 5, "status": "COMPLETED", "end_to_end_duration": 33000,
                         "tasks": {
                           "aaa": {"id": 5, "end_to_end_duration": 1200},
                           "bbb": {"id": 5, "end_to_end_duration": 32900}}}
                        """);
        JsonNode subtasks =
                JSON.readTree(
                        """
                        {"id": 5, "subtasks": [
                          {"index": 0, "status": "completed", "end_to_end_duration": 3000,
                           "start_delay": 10, "alignment": {"duration": 0},
                           "checkpoint": {"sync": 5, "async": 2900}},
                          {"index": 1, "status": "completed", "end_to_end_duration": 32900,
                           "start_delay": 31000, "alignment": {"duration": 400},
                           "checkpoint": {"sync": 700, "async": 800}},
                          {"index": 2, "status": "pending_or_failed"}]}
                        """);

        Optional<ChainLoad.SlowCheckpoint> slowest =
                ChainLoad.breakdown(
                        details,
                        vertex -> {
                            assertThat(vertex).isEqualTo("bbb");
                            return subtasks;
                        },
                        Map.of("bbb", "customer-features -> Sink: features"));

        assertThat(slowest)
                .contains(
                        new ChainLoad.SlowCheckpoint(
                                5,
                                33_000,
                                "customer-features -> Sink: features",
                                1,
                                31_000,
                                400,
                                700,
                                800));
        assertThat(ChainLoad.breakdown(JSON.readTree("{}"), v -> subtasks, Map.of())).isEmpty();
    }
}
