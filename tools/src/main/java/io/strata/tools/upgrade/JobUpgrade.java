package io.strata.tools.upgrade;

import io.strata.tools.stack.JobCatalog;
import io.strata.tools.upgrade.UpgradeReport.Outcome;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Moves a running job to a new jar through a savepoint: stop with a savepoint, submit the new jar
 * from it (state no operator claims is refused), and wait until the new job runs and has completed
 * a checkpoint. When it cannot restore the savepoint (a uid gone, a state serializer changed
 * incompatibly) or does not come up in time, it is cancelled and the old jar is submitted from the
 * same savepoint, so the job runs on as before. The new job is judged before its first checkpoint,
 * so a refused jar has committed nothing to Iceberg or to transactional Kafka topics.
 */
public final class JobUpgrade {

    private final Cluster cluster;
    private final JobCatalog.Job job;
    private final Settings settings;
    private final PrintStream log;

    /**
     * How the jars are submitted and how long to wait.
     *
     * @param config the jobs' configuration file, passed to both jars
     * @param jobArguments further job arguments, after the configuration file
     * @param timeout how long a submitted job may take to run and complete a checkpoint
     * @param poll how often its progress is read
     * @param explain annotates Flink's reasons (e.g. names operator ids by their uids)
     */
    public record Settings(
            Path config,
            List<String> jobArguments,
            Duration timeout,
            Duration poll,
            UnaryOperator<String> explain) {}

    public JobUpgrade(Cluster cluster, JobCatalog.Job job, Settings settings, PrintStream log) {
        this.cluster = cluster;
        this.job = job;
        this.settings = settings;
        this.log = log;
    }

    /** Upgrades the running job from {@code oldJar} to {@code newJar}. */
    public UpgradeReport upgrade(Path oldJar, Path newJar) {
        long started = System.nanoTime();
        Report report = new Report(job.name(), oldJar, newJar, started);
        Optional<String> oldJob = cluster.runningJob(job.name());
        if (oldJob.isEmpty()) {
            return report.end(Outcome.NOT_RUNNING, "no RUNNING job named " + job.name());
        }
        report.oldJobId = oldJob;
        log.println("Stopping " + job.name() + " (" + oldJob.get() + ") with a savepoint");
        String savepoint;
        try {
            savepoint = cluster.stopWithSavepoint(oldJob.get());
        } catch (UpgradeStepException e) {
            report.runningJobId = oldJob;
            return report.end(Outcome.NOT_STOPPED, e.getMessage());
        }
        report.savepoint = Optional.of(savepoint);

        log.println("Starting " + newJar + " from " + savepoint);
        Attempt upgraded = start(newJar, savepoint);
        report.newJobId = upgraded.jobId;
        if (upgraded.failure.isEmpty()) {
            report.runningJobId = upgraded.jobId;
            return report.end(Outcome.UPGRADED, null);
        }
        log.println("Refused: " + upgraded.failure.get());
        log.println("Starting the old jar " + oldJar + " from " + savepoint);
        Attempt restored = start(oldJar, savepoint);
        if (restored.failure.isPresent()) {
            return report.end(
                    Outcome.DOWN,
                    upgraded.failure.get() + "; the old jar failed too: " + restored.failure.get());
        }
        report.runningJobId = restored.jobId;
        return report.end(Outcome.REFUSED, upgraded.failure.get());
    }

    /** A jar submitted from the savepoint: its job, and why it is not running, if it is not. */
    private record Attempt(Optional<String> jobId, Optional<String> failure) {}

    private Attempt start(Path jar, String savepoint) {
        String jobId;
        try {
            jobId =
                    cluster.submit(
                            job.name(),
                            JobCatalog.restoreArguments(
                                    job,
                                    jar,
                                    savepoint,
                                    settings.config(),
                                    settings.jobArguments()));
        } catch (UpgradeStepException e) {
            return new Attempt(
                    Optional.empty(), Optional.of(settings.explain().apply(e.getMessage())));
        }
        Optional<String> failure = awaitRestored(jobId);
        if (failure.isPresent()) {
            cancel(jobId);
        }
        return new Attempt(Optional.of(jobId), failure.map(settings.explain()));
    }

    /** Empty once the job runs with a checkpoint of its own; else why it does not. */
    private Optional<String> awaitRestored(String jobId) {
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        JobProgress progress = cluster.progress(jobId);
        while (!progress.restored()) {
            if (progress.failure().isPresent()) {
                return Optional.of(FlinkFailure.reason(progress.failure().get()));
            }
            if (progress.ended()) {
                return Optional.of("the job ended " + progress.state() + " before a checkpoint");
            }
            if (System.nanoTime() > deadline) {
                return Optional.of(
                        "no checkpoint completed within "
                                + settings.timeout().toSeconds()
                                + " s (job "
                                + progress.state()
                                + ")");
            }
            sleep(settings.poll());
            progress = cluster.progress(jobId);
        }
        log.println(
                "Job " + jobId + " is RUNNING and has completed a checkpoint from the savepoint");
        return Optional.empty();
    }

    /** Cancels a job that did not restore, and waits until it has ended. */
    private void cancel(String jobId) {
        if (!cluster.progress(jobId).ended()) {
            cluster.cancel(jobId);
        }
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        while (!cluster.progress(jobId).ended() && System.nanoTime() < deadline) {
            sleep(settings.poll());
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The report as it fills in. */
    private static final class Report {
        private final String job;
        private final Path oldJar;
        private final Path newJar;
        private final long started;
        private Optional<String> oldJobId = Optional.empty();
        private Optional<String> savepoint = Optional.empty();
        private Optional<String> newJobId = Optional.empty();
        private Optional<String> runningJobId = Optional.empty();

        Report(String job, Path oldJar, Path newJar, long started) {
            this.job = job;
            this.oldJar = oldJar;
            this.newJar = newJar;
            this.started = started;
        }

        UpgradeReport end(Outcome outcome, String reason) {
            return new UpgradeReport(
                    job,
                    outcome,
                    newJar,
                    oldJar,
                    oldJobId,
                    savepoint,
                    newJobId,
                    runningJobId,
                    Optional.ofNullable(reason),
                    Duration.ofNanos(System.nanoTime() - started));
        }
    }
}
