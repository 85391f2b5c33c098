package io.strata.tools.chaos;

import io.strata.tools.chaos.FaultInjector.Injection;
import io.strata.tools.stack.FlinkRest;
import io.strata.tools.stack.FlinkRest.Checkpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Waits for the jobs to recover from a fault: every job RUNNING with all its tasks, and each with a
 * checkpoint completed that was triggered after the fault's cause was removed, so each job has
 * proven it can make durable progress again (a job that merely looks RUNNING may still fail on its
 * first checkpoint).
 */
final class RecoveryWatch {

    private final FlinkRest flink;

    RecoveryWatch(FlinkRest flink) {
        this.flink = flink;
    }

    /** The recovery time measured from the injection, or empty when {@code timeout} ran out. */
    Optional<Duration> await(Injection injection, ChaosJobs jobs, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (recovered(jobs, injection.cleared())) {
                return Optional.of(Duration.between(injection.injected(), Instant.now()));
            }
            FaultInjector.sleep(Duration.ofMillis(500));
        }
        return Optional.empty();
    }

    private boolean recovered(ChaosJobs jobs, Instant cleared) {
        for (String id : jobs.byName().values()) {
            if (!flink.fullyRunning(id)) {
                return false;
            }
            Optional<Checkpoint> latest = flink.checkpoints(id).latestCompleted();
            if (latest.isEmpty() || latest.get().triggerTimestamp() <= cleared.toEpochMilli()) {
                return false;
            }
        }
        return true;
    }
}
