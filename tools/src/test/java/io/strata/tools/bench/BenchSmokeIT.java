package io.strata.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

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
 * both pipelines run and reconcile, the report, charts and history are written. It asserts what the
 * harness produces, never how fast: a benchmark does not belong in {@code mvn verify}.
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
                                        StackOptions.FLINK_TASKMANAGER_MEMORY.key(), "1536m",
                                        StackOptions.FLINK_TASKMANAGER_METASPACE.key(), "256m",
                                        StackOptions.FLINK_TASK_SLOTS.key(), "2")));
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.down(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        }
    }

    @Test
    void benchWritesReconciledReportChartsAndHistory() throws IOException {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);
        assertThat(stack.up(out)).as(log.toString(StandardCharsets.UTF_8)).isTrue();
        Path dir = stateDir.resolve("bench-out");
        BenchSettings settings =
                new BenchSettings(
                        2_000, 2, 7, dir, Map.of(), Duration.ofSeconds(2), Duration.ofMinutes(3));

        BenchResult result = new Bench(stack, settings, out).run();

        String printed = log.toString(StandardCharsets.UTF_8);
        assertThat(result.measurements()).as(printed).hasSize(6).allMatch(Measurement::valid);
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
                .contains("## Environment", "Flink | 1.20");
        List<String> history = Files.readAllLines(dir.resolve(BenchReport.HISTORY));
        assertThat(history).hasSize(1 + 6).first().isEqualTo(BenchReport.HISTORY_HEADER);
        for (String chart : List.of(BenchCharts.THROUGHPUT, BenchCharts.CPU)) {
            BufferedImage image = ImageIO.read(dir.resolve(chart).toFile());
            assertThat(image).as(chart).isNotNull();
            assertThat(image.getWidth()).isEqualTo(900);
        }
    }
}
