package io.strata.tools.bench;

import io.strata.tools.stack.FlinkRest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Watches a job submitted to the local cluster until its Iceberg tables hold the rows the oracle
 * expects, and measures it the same way for every pipeline: from the moment the last of its tasks
 * was RUNNING to the commit time of the first snapshot covering every expected row; CPU is the
 * TaskManager process's over the same watch (from submission: its start-up is part of the cost).
 */
final class ClusterRun {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final List<String> TERMINAL = List.of("FAILED", "CANCELED", "FINISHED");

    private final FlinkRest rest;
    private final IcebergCommits commits;
    private final LongSupplier taskManagerPid;

    ClusterRun(FlinkRest rest, IcebergCommits commits, LongSupplier taskManagerPid) {
        this.rest = rest;
        this.commits = commits;
        this.taskManagerPid = taskManagerPid;
    }

    /** TaskManager CPU seconds so far (NaN when unreadable); read it just before submitting. */
    double cpuNow() {
        OptionalDouble cpu = ProcessCpu.seconds(taskManagerPid.getAsLong());
        return cpu.isPresent() ? cpu.getAsDouble() : Double.NaN;
    }

    /**
     * Waits until every table of {@code expected} (table → rows) has its rows, then cancels the
     * runs {@code check} (empty, or why the run is invalid) and cancels the job. The first table is
     * the pipeline's main output; its commits are reported.
     */
    Measurement await(
            Measurement.Pipeline pipeline,
            int round,
            long events,
            String jobId,
            Map<String, Long> expected,
            double cpuAtSubmit,
            Duration timeout,
            Supplier<Optional<String>> check) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Optional<Long> runningSince = Optional.empty();
        List<IcebergCommits.Reached> reached = new ArrayList<>();
        try {
            while (System.nanoTime() < deadline) {
                String state = rest.state(jobId).orElse("UNKNOWN");
                if (TERMINAL.contains(state)) {
                    return Measurement.failed(pipeline, round, events, "job " + state);
                }
                if (runningSince.isEmpty() && state.equals("RUNNING")) {
                    runningSince = rest.allTasksRunningSince(jobId);
                }
                reached.clear();
                expected.forEach((t, rows) -> commits.reached(t, rows).ifPresent(reached::add));
                if (runningSince.isPresent() && reached.size() == expected.size()) {
                    double cpu = cpuNow() - cpuAtSubmit;
                    Measurement m =
                            measured(
                                    pipeline,
                                    round,
                                    events,
                                    expected,
                                    reached,
                                    runningSince.get(),
                                    cpu);
                    m = m.withCheckpoints(checkpoints(jobId));
                    return check.get().map(m::invalid).orElse(m);
                }
                sleep(POLL);
            }
            return Measurement.failed(
                    pipeline,
                    round,
                    events,
                    "timed out after " + timeout.toSeconds() + " s: rows " + progress(expected));
        } finally {
            cancel(jobId);
        }
    }

    private static Measurement measured(
            Measurement.Pipeline pipeline,
            int round,
            long events,
            Map<String, Long> expected,
            List<IcebergCommits.Reached> reached,
            long runningSince,
            double cpu) {
        List<String> tables = new ArrayList<>(expected.keySet());
        List<String> mismatches = new ArrayList<>();
        long end = 0;
        for (int i = 0; i < tables.size(); i++) {
            IcebergCommits.Reached r = reached.get(i);
            end = Math.max(end, r.committedAt());
            if (r.rows() != expected.get(tables.get(i))) {
                mismatches.add(
                        tables.get(i)
                                + " has "
                                + r.rows()
                                + " rows, expected "
                                + expected.get(tables.get(i)));
            }
        }
        IcebergCommits.Reached main = reached.get(0);
        return new Measurement(
                pipeline,
                round,
                events,
                main.rows(),
                (end - runningSince) / 1000.0,
                cpu,
                mismatches.isEmpty(),
                String.join("; ", mismatches),
                main.commits(),
                main.dataFiles(),
                main.dataBytes(),
                CheckpointStats.NONE);
    }

    private CheckpointStats checkpoints(String jobId) {
        try {
            return CheckpointStats.of(rest.checkpointStats(jobId));
        } catch (RuntimeException e) {
            return CheckpointStats.NONE; // statistics are a report detail, not a reason to fail
        }
    }

    private String progress(Map<String, Long> expected) {
        List<String> parts = new ArrayList<>();
        expected.forEach((t, rows) -> parts.add(t + " " + commits.rows(t) + "/" + rows));
        return String.join(", ", parts);
    }

    /** Cancels the job and waits until it is gone, so the next run has the cluster to itself. */
    private void cancel(String jobId) {
        try {
            rest.cancel(jobId);
        } catch (RuntimeException e) {
            return; // already ended
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline
                && rest.state(jobId).filter(s -> !TERMINAL.contains(s)).isPresent()) {
            sleep(POLL);
        }
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
