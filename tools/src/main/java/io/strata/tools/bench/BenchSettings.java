package io.strata.tools.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * What {@code ./strata bench} was asked for.
 *
 * @param events business events of the workload (the topic holds these plus duplicates)
 * @param runs rounds of A (Strata), B (baseline), C (raw); the first is a warm-up and not counted
 * @param seed workload seed
 * @param out where report.md, the charts and history.csv go
 * @param workload workload options over the bench's defaults ({@code --set key=value})
 * @param checkpointInterval both pipelines' checkpoint (and so Iceberg commit) interval
 * @param timeout how long one pipeline run may take before it is marked invalid
 * @param latencySeconds how long the paced latency runs send; 0 skips them
 * @param latencyRate records per second of the latency runs; 0 = half Strata's measured median
 */
public record BenchSettings(
        long events,
        int runs,
        long seed,
        Path out,
        Map<String, String> workload,
        Duration checkpointInterval,
        Duration timeout,
        long latencySeconds,
        double latencyRate) {

    /** The bench's own topic: pipelines under test read only it, and it is rebuilt per bench. */
    public static final String TOPIC = "bench.raw.webhooks";

    public BenchSettings {
        if (events < 1) {
            throw new IllegalArgumentException("--events must be at least 1, was " + events);
        }
        if (runs < 2) {
            throw new IllegalArgumentException(
                    "--runs must be at least 2 (the first round only warms up), was " + runs);
        }
        workload = Map.copyOf(workload);
    }
}
