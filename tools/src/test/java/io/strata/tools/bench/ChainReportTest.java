package io.strata.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The whole chain's figures, targets and the account of where Gold's latency goes. */
class ChainReportTest {

    private static final long SUBMITTED = 1_000_000;
    private static final long RUNNING = SUBMITTED + 20_000;

    /**
     * 60,000 raw records; the jobs run 20, 25 and 30 s after submission; Bronze complete 10 s after
     * its start, Silver 20 s after its, Gold 30 s after its.
     */
    private static final ChainMeasurement RUN =
            new ChainMeasurement(
                    60_000,
                    50_000,
                    150_000,
                    9_000,
                    9_000,
                    SUBMITTED,
                    RUNNING,
                    RUNNING + 5_000,
                    RUNNING + 10_000,
                    RUNNING + 10_000,
                    RUNNING + 25_000,
                    RUNNING + 40_000,
                    40,
                    true,
                    "",
                    List.of(
                            new ChainLoad.Job(
                                    "gold-features",
                                    List.of(
                                            new ChainLoad.Vertex(
                                                    "Source: silver | orders", 2, 120, 850, 30, 24),
                                            new ChainLoad.Vertex(
                                                    "customer-features", 2, 985, 0, 15, 24)),
                                    new CheckpointStats(40, 4_000, 33_000, 5 << 20, 1 << 20),
                                    Optional.of(
                                            new ChainLoad.SlowCheckpoint(
                                                    12,
                                                    33_000,
                                                    "customer-features",
                                                    1,
                                                    31_000,
                                                    400,
                                                    700,
                                                    800)))));

    @Test
    void chainThroughputRunsFromSubmissionAndEachJobFromAllRunning() {
        assertThat(RUN.seconds()).isEqualTo(60.0);
        assertThat(RUN.eventsPerSecond()).isEqualTo(1_000.0);
        assertThat(RUN.processingSeconds()).isEqualTo(40.0);
        assertThat(RUN.processingEventsPerSecond()).isEqualTo(1_500.0);
        assertThat(RUN.eventsPerCpuSecond()).isEqualTo(1_500.0);
        assertThat(RUN.bronzeRate()).isEqualTo(6_000.0);
        assertThat(RUN.silverRate()).isEqualTo(2_500.0);
        assertThat(RUN.goldRate()).isEqualTo(5_000.0);
        assertThat(ChainMeasurement.failed(10, "no").eventsPerSecond()).isZero();
    }

    @Test
    void theSectionHasBothTablesAndTheArgumentsGiven() {
        String md =
                String.join(
                        "\n",
                        ChainReport.section(
                                new ChainResult(
                                        Optional.of(RUN),
                                        Optional.of(latency(40_000, 42_000)),
                                        List.of("--gold.features.idleness", "5000ms"),
                                        List.of("--strata.kafka.delivery", "AT_LEAST_ONCE"))));

        assertThat(md)
                .contains("| whole chain, from submission | 1,000 | 1,500 | 60.0 | yes |")
                .contains("| whole chain, from bronze-ingest running | 1,500 | — | 40.0 | |")
                .contains("| silver-conform | Bronze events | 50,000 | 20.0 | 2,500 |")
                .contains("| 5,000 | 300,000 | 3 | 3 | 40,000 ms | 42,000 ms | 42,000 ms |")
                .contains("`--gold.features.idleness 5000ms`")
                .contains("3 events, p50 130 ms, p95 900 ms, p99 900 ms, max 900 ms.")
                .contains("produced 10.0–60.0 s after the send started")
                .contains("as of event times up to 20.5 s after the first event")
                .contains("(7 rows not measured)")
                .contains("`--strata.kafka.delivery AT_LEAST_ONCE`")
                .contains("| gold-features | Source: silver / orders | 2 | 12% | 85% | 3% | 24 |")
                .contains("| gold-features | customer-features | 2 | 99% | 0% | 2% | 24 |")
                .contains(
                        "| gold-features | 40 | 4,000 ms | 33,000 ms | 5,120 KiB |"
                                + " customer-features (subtask 1, 33,000 ms) | 31,000 ms |"
                                + " 400 ms | 700 ms | 800 ms |");
    }

    @Test
    void aJobListsItsBusiestVerticesAndSumsUpTheRest() {
        List<ChainLoad.Vertex> vertices = new java.util.ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            vertices.add(new ChainLoad.Vertex("v" + i, 2, i * 100, i == 1 ? 700 : 0, 0, 3));
        }
        List<String> md =
                ChainReport.load(
                        List.of(
                                new ChainLoad.Job(
                                        "gold-features",
                                        vertices,
                                        CheckpointStats.NONE,
                                        Optional.empty())));

        assertThat(md)
                .containsSubsequence(
                        "| gold-features | v8 | 2 | 80% | 0% | 0% | 3 |",
                        "| gold-features | v3 | 2 | 30% | 0% | 0% | 3 |",
                        "| gold-features | 2 more vertices | | ≤ 20% | ≤ 70% | | |",
                        "| gold-features | 0 | 0 ms | 0 ms | 0 KiB | — | | | | |")
                .noneMatch(line -> line.startsWith("| gold-features | v2 |"));
    }

    @Test
    void targetsAreJudgedOnlyOnValidRuns() {
        List<String> lines =
                ChainReport.targets(
                        new ChainResult(
                                Optional.of(RUN),
                                Optional.of(latency(300, 900)),
                                List.of(),
                                List.of()));
        assertThat(lines)
                .containsExactly(
                        "- whole-chain throughput: 1,000 events/s, target 20,000 events/s"
                                + " **missed**.",
                        "- raw → Gold topic p99 at 5,000 records/s (issue: at 5,000): 900 ms,"
                                + " target ≤ 1,000 ms **met**.");
        assertThat(ChainReport.targets(ChainResult.NONE))
                .allMatch(line -> line.endsWith("no valid run, not judged."));
    }

    @Test
    void theMedianIsSplitIntoBronzeTheOutOfOrdernessBoundAndTheRest() {
        // Event time at the wall clock: the 30 s bound is 30,000 ms of the 40,000 ms p50, Bronze's
        // p50 130 ms, the rest 9,870 ms.
        assertThat(ChainReport.whereItGoes(latency(40_000, 42_000)))
                .contains(
                        "(p50 40,000 ms)",
                        "raw → Bronze topic 130 ms",
                        "≈ 30,000 ms",
                        "the rest, 9,870 ms",
                        "Largest: Gold's out-of-orderness bound.");
    }

    private static ChainLatency.Result latency(long p50, long p99) {
        Latencies l = Latencies.of(new long[] {p50, p50, p99});
        return new ChainLatency.Result(
                5_000,
                300_000,
                1.0,
                Duration.ofSeconds(30),
                10,
                60,
                20.5,
                new GoldLatencyMatch.Result(l, 0, 0, 0, 3, 0, 7),
                Latencies.of(new long[] {120, 130, 900}),
                true,
                "");
    }
}
