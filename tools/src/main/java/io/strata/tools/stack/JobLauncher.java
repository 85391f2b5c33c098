package io.strata.tools.stack;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Submits the built jobs to the local cluster ({@code flink run -d}, with the jobs' configuration
 * file) in dependency order and waits until each runs. A job already RUNNING is left alone, so
 * launching twice is harmless. Each job runs a copy of its jar ({@link DeployedJars}).
 */
public final class JobLauncher {

    private static final Duration RUNNING_TIMEOUT = Duration.ofSeconds(60);

    private final StackHome home;
    private final JobCatalog catalog;
    private final FlinkRest rest;

    public JobLauncher(StackHome home) {
        this.home = home;
        this.catalog = new JobCatalog(home);
        this.rest = new FlinkRest(home);
    }

    /** Submits every runnable job that is not RUNNING; returns the names of the runnable ones. */
    public List<String> launchAll(PrintStream out) {
        Path config = new JobsConfig(home).path();
        List<String> runnable = catalog.runnable().stream().map(JobCatalog.Job::name).toList();
        for (JobCatalog.Job job : JobCatalog.JOBS) {
            if (!runnable.contains(job.name())) {
                out.println("  " + job.name() + ": not built yet (no runnable jar), skipped");
                continue;
            }
            if (running(rest.jobs(), job.name())) {
                out.println("  " + job.name() + ": already RUNNING");
                continue;
            }
            // The copy is what runs: a later rebuild cannot change the jar an upgrade falls back
            // to.
            Path jar = new DeployedJars(home).record(job, catalog.jar(job.module()));
            int rc = new FlinkCli(home).run(JobCatalog.runArguments(job, jar, config, List.of()));
            if (rc != 0) {
                throw new IllegalStateException(
                        "flink run of " + job.name() + " failed (exit " + rc + ")");
            }
        }
        awaitRunning(runnable, out);
        return runnable;
    }

    private static boolean running(List<FlinkRest.Job> jobs, String name) {
        return jobs.stream().anyMatch(j -> j.name().equals(name) && j.state().equals("RUNNING"));
    }

    private void awaitRunning(List<String> jobs, PrintStream out) {
        long deadline = System.nanoTime() + RUNNING_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            List<FlinkRest.Job> current = rest.jobs();
            if (jobs.stream().allMatch(name -> running(current, name))) {
                rest.printJobs(out);
                return;
            }
            sleep(Duration.ofSeconds(1));
        }
        rest.printJobs(out);
        throw new IllegalStateException(
                "Not every job reached RUNNING within "
                        + RUNNING_TIMEOUT.toSeconds()
                        + " s: "
                        + jobs);
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
