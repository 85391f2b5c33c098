package io.strata.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.tools.bench.Measurement.Pipeline;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which rounds count and what their medians and ratios are. */
class BenchResultTest {

    private static final long EVENTS = 10_000;

    @Test
    void warmUpAndRoundsWithAnInvalidPipelineAreNotCounted() {
        BenchResult result =
                result(
                        run(Pipeline.STRATA, 1, 10), // warm-up
                        run(Pipeline.BASELINE, 1, 20),
                        run(Pipeline.STRATA, 2, 10),
                        run(Pipeline.BASELINE, 2, 20),
                        run(Pipeline.STRATA, 3, 5),
                        run(Pipeline.BASELINE, 3, 20).invalid("row counts differ"));

        assertThat(result.counted(1)).isFalse();
        assertThat(result.counted(2)).isTrue();
        assertThat(result.counted(3)).isFalse();
        assertThat(result.counted(Pipeline.STRATA))
                .extracting(Measurement::round)
                .containsExactly(2);
    }

    @Test
    void mediansAndPerRoundRatios() {
        BenchResult result =
                result(
                        run(Pipeline.STRATA, 1, 1),
                        run(Pipeline.BASELINE, 1, 1),
                        run(Pipeline.STRATA, 2, 10), // 1,000 events/s
                        run(Pipeline.BASELINE, 2, 20), // 500
                        run(Pipeline.STRATA, 3, 20), // 500
                        run(Pipeline.BASELINE, 3, 10), // 1,000
                        run(Pipeline.STRATA, 4, 5), // 2,000
                        run(Pipeline.BASELINE, 4, 10)); // 1,000

        assertThat(result.median(Pipeline.STRATA, Measurement::eventsPerSecond)).hasValue(1_000);
        // Ratios per round: 2.0, 0.5, 2.0: their median, not the ratio of medians.
        assertThat(result.medianRatio(Pipeline.BASELINE, Measurement::eventsPerSecond))
                .hasValue(2.0);
        assertThat(result.median(Pipeline.RAW, Measurement::eventsPerSecond)).isEmpty();
    }

    @Test
    void latencyPercentilesAreNearestRank() {
        long[] millis = new long[100];
        for (int i = 0; i < millis.length; i++) {
            millis[i] = 100 - i; // 100 .. 1, unsorted
        }
        assertThat(Latencies.of(millis)).isEqualTo(new Latencies(100, 50, 95, 99, 100));
        assertThat(Latencies.of(new long[0])).isEqualTo(Latencies.NONE);
    }

    private static Measurement run(Pipeline pipeline, int round, double seconds) {
        return new Measurement(
                pipeline,
                round,
                EVENTS,
                EVENTS,
                seconds,
                seconds,
                true,
                "",
                1,
                1,
                1,
                CheckpointStats.NONE);
    }

    private static BenchResult result(Measurement... runs) {
        BenchSettings settings =
                new BenchSettings(
                        EVENTS,
                        4,
                        1,
                        Path.of("bench"),
                        Map.of(),
                        Duration.ofSeconds(10),
                        Duration.ofMinutes(1),
                        0,
                        0);
        BenchTopic.Loaded input =
                // Medians and ratios never consult the oracle.
                new BenchTopic.Loaded("t", EVENTS, EVENTS, Duration.ZERO, null);
        return new BenchResult(settings, input, List.of(runs), List.of(), Map.of(), Instant.now());
    }
}
