package io.strata.tools.bench;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.ToDoubleFunction;

/**
 * Every measurement of one bench invocation and what they add up to: medians over the counted
 * rounds (all but the first, and only rounds where both pipelines' row counts reconciled).
 */
public record BenchResult(
        BenchSettings settings,
        BenchTopic.Loaded input,
        List<Measurement> measurements,
        List<LatencyRun.Result> latencies,
        Map<String, String> environment,
        Instant finishedAt,
        ChainResult chain) {

    /** A result without the whole-chain parts. */
    public BenchResult(
            BenchSettings settings,
            BenchTopic.Loaded input,
            List<Measurement> measurements,
            List<LatencyRun.Result> latencies,
            Map<String, String> environment,
            Instant finishedAt) {
        this(settings, input, measurements, latencies, environment, finishedAt, ChainResult.NONE);
    }

    public BenchResult {
        measurements = List.copyOf(measurements);
        latencies = List.copyOf(latencies);
        // Kept in the order given: the report lists the machine before the settings.
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
    }

    /** Whether the round is counted: not the warm-up, and Strata and baseline both valid. */
    public boolean counted(int round) {
        return round > 1
                && measurements.stream()
                        .filter(m -> m.round() == round)
                        .filter(m -> m.pipeline() != Measurement.Pipeline.RAW)
                        .allMatch(Measurement::valid);
    }

    /** The counted measurements of one pipeline. */
    public List<Measurement> counted(Measurement.Pipeline pipeline) {
        return measurements.stream()
                .filter(m -> m.pipeline() == pipeline && m.valid() && counted(m.round()))
                .toList();
    }

    /** The median of {@code value} over the pipeline's counted runs; empty when none counted. */
    public OptionalDouble median(
            Measurement.Pipeline pipeline, ToDoubleFunction<Measurement> value) {
        return median(counted(pipeline).stream().mapToDouble(value).sorted().toArray());
    }

    /** The median of Strata's throughput divided by the other pipeline's, per counted round. */
    public OptionalDouble medianRatio(
            Measurement.Pipeline other, ToDoubleFunction<Measurement> value) {
        List<Measurement> strata = counted(Measurement.Pipeline.STRATA);
        double[] ratios =
                strata.stream()
                        .flatMap(
                                s ->
                                        counted(other).stream()
                                                .filter(o -> o.round() == s.round())
                                                .filter(o -> value.applyAsDouble(o) > 0)
                                                .map(
                                                        o ->
                                                                value.applyAsDouble(s)
                                                                        / value.applyAsDouble(o)))
                        .mapToDouble(Double::doubleValue)
                        .sorted()
                        .toArray();
        return median(ratios);
    }

    static OptionalDouble median(double[] sorted) {
        if (sorted.length == 0) {
            return OptionalDouble.empty();
        }
        int mid = sorted.length / 2;
        return OptionalDouble.of(
                sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2);
    }
}
