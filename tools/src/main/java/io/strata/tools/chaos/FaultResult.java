package io.strata.tools.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One fault of a run and how the jobs took it.
 *
 * @param recovery from injection until every job ran all its tasks again with a checkpoint
 *     completed after the cause was removed; empty when that did not happen in time
 * @param restarts the restarts Flink counted per job while this fault was handled
 * @param error why the fault could not be injected, if it could not
 */
record FaultResult(
        int number,
        FaultKind kind,
        String detail,
        Instant injected,
        Optional<Duration> recovery,
        Map<String, Long> restarts,
        Optional<String> error) {

    boolean recovered() {
        return error.isEmpty() && recovery.isPresent();
    }

    long totalRestarts() {
        return restarts.values().stream().mapToLong(Long::longValue).sum();
    }
}
