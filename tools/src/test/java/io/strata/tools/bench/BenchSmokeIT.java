package io.strata.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import io.strata.tools.stack.LocalStack;
import io.strata.tools.stack.StackOptions;
import io.strata.tools.stack.TestStackHomes;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bench harness on a tiny workload, on a stack of its own (free ports, own state directory):
 * both pipelines run and reconcile, the whole chain runs once drained and once paced, the report,
 * charts and history are written. It asserts what the harness produces, never how fast: a benchmark
 * does not belong in {@code mvn verify}.
 */
class BenchSmokeIT {

    private static LocalStack stack;
    private static Path stateDir;

    @BeforeAll
    static void startStack() throws IOException {
        stateDir = Files.createTempDirectory(Path.of("target"), "bench-it-").toAbsolutePath();
        stack =
                new LocalStack(
                        TestStackHomes.withFreePorts(
                                stateDir,
                                Map.of(
                                        // The whole chain runs three jobs of two slots at once,
                                        // each loading its own shaded jar.
                                        StackOptions.FLINK_TASKMANAGER_MEMORY.key(), "3072m",
                                        StackOptions.FLINK_TASKMANAGER_METASPACE.key(), "640m",
                                        StackOptions.FLINK_TASK_SLOTS.key(), "6")));
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.down(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        }
    }

    @Test
    void benchWritesReconciledReportChartsAndHistory() throws IOException {
        // The harness's progress goes to the test's output, where a failure can be read up on.
        PrintStream out = System.out;
        assertThat(stack.up(out)).isTrue();
        Path dir = stateDir.resolve("bench-out");
        BenchSettings settings =
                new BenchSettings(
                        2_000,
                        2,
                        7,
                        dir,
                        Map.of(),
                        Duration.ofSeconds(2),
                        Duration.ofMinutes(3),
                        5,
                        200);

        // Short bounds so the chain's tiny runs end quickly: Gold releases a row 1 s of event time
        // after it, the drained chain idles 2 s, the paced run sends 12 s and measures 2-6 s.
        ChainSettings chain =
                new ChainSettings(
                        true,
                        12,
                        200,
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(2));

        BenchResult result = new Bench(stack, settings, chain, out).run();

        assertThat(result.measurements()).hasSize(6).allMatch(Measurement::valid);
        long bronzeRows = result.input().oracle().bronzeTotal().accepted();
        assertThat(result.counted(Measurement.Pipeline.STRATA))
                .singleElement()
                .satisfies(m -> assertThat(m.rows()).isEqualTo(bronzeRows));
        assertThat(result.counted(Measurement.Pipeline.BASELINE))
                .singleElement()
                .satisfies(m -> assertThat(m.rows()).isEqualTo(bronzeRows));
        assertThat(result.counted(Measurement.Pipeline.RAW))
                .singleElement()
                .satisfies(m -> assertThat(m.rows()).isEqualTo(result.input().records()));

        String report = Files.readString(dir.resolve(BenchReport.REPORT));
        assertThat(report)
                .contains(
                        "| Strata bronze-ingest |",
                        "| Flink SQL baseline |",
                        "| raw KafkaConsumer |")
                .contains("Strata / SQL baseline")
                .contains(String.format("%,d", bronzeRows))
                .contains("## Environment", "Flink | 1.20")
                // Read from the JobManager, as flink-conf/config.yaml set it for the stack.
                .contains("parallelism.default 2", "state.backend.type rocksdb");
        assertThat(result.latencies())
                .hasSize(2)
                .allSatisfy(
                        r -> {
                            assertThat(r.valid()).as(r.note()).isTrue();
                            assertThat(r.latencies().count()).isEqualTo(r.rows()).isPositive();
                            assertThat(r.latencies().p50()).isPositive();
                            assertThat(r.latencies().p99())
                                    .isGreaterThanOrEqualTo(r.latencies().p50());
                        });
        assertThat(report).contains("## Latency at a fixed rate", "Strata Bronze freshness p99");
        // The last round's Strata run was recorded with JFR and its samples summarised, and so
        // was the chain's throughput run.
        assertThat(dir.resolve(Bench.PROFILE)).isRegularFile();
        assertThat(dir.resolve(Bench.CHAIN_PROFILE)).isRegularFile();
        assertThat(report)
                .contains(
                        "## Where Strata's time goes (bronze-ingest, last round)",
                        "## Where Strata's time goes (whole chain, throughput run)",
                        "CPU samples of the TaskManager")
                .contains("| `Flink runtime` |");
        // The whole chain equals the oracle: Bronze, every Silver table and Gold's feature history.
        assertThat(result.chain().throughput())
                .hasValueSatisfying(
                        m -> {
                            assertThat(m.bronzeRows()).isEqualTo(bronzeRows);
                            assertThat(m.goldRowsExpected()).isPositive();
                            assertThat(m.goldRows()).as(m.note()).isEqualTo(m.goldRowsExpected());
                            assertThat(m.valid()).as(m.note()).isTrue();
                            // Each layer completes after the one it reads, each job started.
                            assertThat(m.bronzeRunningAt()).isGreaterThan(m.submittedAt());
                            assertThat(m.goldRunningAt()).isGreaterThan(m.bronzeRunningAt());
                            assertThat(m.bronzeDoneAt()).isGreaterThan(m.bronzeRunningAt());
                            assertThat(m.silverDoneAt()).isGreaterThanOrEqualTo(m.bronzeDoneAt());
                            assertThat(m.goldDoneAt()).isGreaterThanOrEqualTo(m.silverDoneAt());
                            assertThat(m.seconds()).isGreaterThan(m.processingSeconds());
                            assertThat(m.eventsPerCpuSecond()).isPositive();
                        });
        assertThat(result.chain().latency())
                .hasValueSatisfying(
                        r -> {
                            assertThat(r.match().unmatched()).as(r.note()).isZero();
                            // The latency run measures times, at-least-once and paced, so its
                            // window's edges move: rows measured within 10% of the oracle's
                            // (a run at 370c4e7: 630 of 640; its throughput run was exact).
                            assertThat((double) r.latencies().count())
                                    .as(r.note())
                                    .isCloseTo(r.match().expected(), withinPercentage(10));
                            assertThat(r.latencies().p99())
                                    .isGreaterThanOrEqualTo(r.latencies().p50())
                                    .isPositive();
                            assertThat(r.bronze().count()).isPositive();
                            assertThat(r.speed()).isPositive();
                        });
        assertThat(result.chain().latencyArguments())
                .containsSequence("--strata.kafka.delivery", "AT_LEAST_ONCE");
        assertThat(report)
                .contains(
                        "## Whole chain: bronze-ingest → silver-conform → gold-features",
                        "| whole chain, from submission |",
                        "| gold-features | Silver versions |",
                        "## Whole-chain latency at a fixed rate: raw event → Gold Kafka topic",
                        // The throughput run is valid (asserted above), so its target is
                        // judged; the latency run's line reads "not judged" when it is not.
                        "- whole-chain throughput: ",
                        "- raw → Gold topic p99",
                        "Where it goes (p50 ")
                .doesNotContain("Not measured by this harness yet");
        List<String> history = Files.readAllLines(dir.resolve(BenchHistory.FILE));
        assertThat(history).hasSize(1 + 6 + 2 + 2).first().isEqualTo(BenchHistory.HEADER);
        assertThat(history)
                .anyMatch(line -> line.contains(",chain,") && line.contains(",CHAIN,"))
                .anyMatch(line -> line.contains(",chain-latency,"));
        String[] columns = BenchHistory.HEADER.split(",");
        assertThat(history.subList(1, history.size()))
                .allSatisfy(line -> assertThat(line.split(",", -1)).hasSize(columns.length));
        for (String chart : List.of(BenchCharts.THROUGHPUT, BenchCharts.CPU, BenchCharts.LATENCY)) {
            BufferedImage image = ImageIO.read(dir.resolve(chart).toFile());
            assertThat(image).as(chart).isNotNull();
            assertThat(image.getWidth()).isEqualTo(900);
        }
    }
}
