package io.strata.tools.bench;

import java.util.List;
import java.util.Optional;

/**
 * The whole-chain parts of one bench invocation, with the job arguments each run was given beyond
 * the run's own topics and tables (the report states them).
 */
public record ChainResult(
        Optional<ChainMeasurement> throughput,
        Optional<ChainLatency.Result> latency,
        List<String> throughputArguments,
        List<String> latencyArguments) {

    public static final ChainResult NONE =
            new ChainResult(Optional.empty(), Optional.empty(), List.of(), List.of());

    public ChainResult {
        throughputArguments = List.copyOf(throughputArguments);
        latencyArguments = List.copyOf(latencyArguments);
    }
}
