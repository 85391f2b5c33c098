package io.strata.tools.upgrade;

import io.strata.tools.stack.FlinkCli;
import io.strata.tools.stack.FlinkRest;
import io.strata.tools.stack.StackHome;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The local stack's session cluster: its REST API, and Flink's CLI for submissions. */
public final class LocalCluster implements Cluster {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final long CLOCK_SLACK_MS = 1_000;
    private static final String PROGRAM_FAILED =
            "The program finished with the following exception:";

    private final FlinkRest rest;
    private final FlinkCli cli;
    private final Optional<String> savepointDirectory;
    private final Duration savepointTimeout;
    private final PrintStream log;

    /**
     * @param savepointDirectory where savepoints go; empty: the cluster's {@code
     *     execution.checkpointing.savepoint-dir}
     * @param log receives the CLI's output
     */
    public LocalCluster(
            StackHome home,
            Optional<String> savepointDirectory,
            Duration savepointTimeout,
            PrintStream log) {
        this.rest = new FlinkRest(home);
        this.cli = new FlinkCli(home);
        this.savepointDirectory = savepointDirectory;
        this.savepointTimeout = savepointTimeout;
        this.log = log;
    }

    @Override
    public Optional<String> runningJob(String name) {
        return rest.jobs().stream()
                .filter(j -> j.name().equals(name) && j.state().equals("RUNNING"))
                .map(FlinkRest.Job::id)
                .findFirst();
    }

    @Override
    public String stopWithSavepoint(String jobId) {
        String trigger;
        try {
            trigger = rest.stopWithSavepoint(jobId, savepointDirectory);
        } catch (RuntimeException e) {
            throw new UpgradeStepException("stop-with-savepoint was refused: " + e.getMessage());
        }
        long deadline = System.nanoTime() + savepointTimeout.toNanos();
        while (System.nanoTime() < deadline) {
            FlinkRest.SavepointStatus status = rest.savepoint(jobId, trigger);
            if (status.done()) {
                return status.location()
                        .orElseThrow(
                                () ->
                                        new UpgradeStepException(
                                                "no savepoint: "
                                                        + status.failure()
                                                                .map(FlinkFailure::reason)
                                                                .orElse("no reason given")));
            }
            pause();
        }
        throw new UpgradeStepException(
                "no savepoint within " + savepointTimeout.toSeconds() + " s");
    }

    /**
     * Runs {@code flink run}. The CLI prints the job id once the job is accepted; a job whose
     * JobMaster cannot start (e.g. unmapped savepoint state) makes the CLI fail instead, and is
     * then found among the cluster's jobs by name and start time.
     */
    @Override
    public String submit(String name, List<String> runArguments) {
        long before = System.currentTimeMillis();
        FlinkCli.Result result = cli.runCapturing(runArguments, log);
        return result.submittedJobId()
                .or(() -> submittedSince(name, before))
                .orElseThrow(
                        () ->
                                new UpgradeStepException(
                                        "flink run failed (exit "
                                                + result.exitCode()
                                                + "): "
                                                + FlinkFailure.reason(
                                                        programException(result.output()))));
    }

    private Optional<String> submittedSince(String name, long since) {
        return rest.jobs().stream()
                .filter(j -> j.name().equals(name) && j.startTime() >= since - CLOCK_SLACK_MS)
                .max(java.util.Comparator.comparingLong(FlinkRest.Job::startTime))
                .map(FlinkRest.Job::id);
    }

    /** The CLI's report of the exception that ended the program, else its whole output. */
    private static String programException(String output) {
        int at = output.indexOf(PROGRAM_FAILED);
        return at < 0 ? output : output.substring(at + PROGRAM_FAILED.length());
    }

    @Override
    public JobProgress progress(String jobId) {
        FlinkRest.Progress progress;
        try {
            progress = rest.progress(jobId);
        } catch (RuntimeException e) {
            // A REST call that timed out under load: read again at the next poll.
            return new JobProgress("UNKNOWN", 0, Optional.empty());
        }
        return new JobProgress(
                progress.state(), progress.completedCheckpoints(), progress.failure());
    }

    @Override
    public void cancel(String jobId) {
        rest.cancel(jobId);
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
