package io.strata.tools.commands;

import io.strata.common.flink.JobConfig;
import io.strata.common.iceberg.IcebergCatalogs;
import io.strata.tools.stack.FlinkCli;
import io.strata.tools.stack.FlinkRest;
import io.strata.tools.stack.JobCatalog;
import io.strata.tools.stack.JobsConfig;
import io.strata.tools.stack.LocalStack;
import io.strata.tools.stack.StackHome;
import io.strata.tools.summary.BronzeSummary;
import io.strata.tools.summary.IcebergCounts;
import io.strata.tools.summary.SilverSummary;
import io.strata.tools.workload.StackWorkload;
import io.strata.workload.Workload;
import io.strata.workload.WorkloadParams;
import io.strata.workload.oracle.Expectation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./strata demo}: the whole platform on the local stack, from a clean state. */
@Command(
        name = "demo",
        description =
                "Start the local stack from a clean state, submit every job with `flink run`,"
                        + " generate the workload and print a per-layer summary.")
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--events", defaultValue = "50000", description = "Raw events to generate.")
    private long events;

    @Option(names = "--seed", defaultValue = "42", description = "Workload seed.")
    private long seed;

    @Option(
            names = "--keep-data",
            description = "Keep the stack's existing data instead of starting from a clean state.")
    private boolean keepData;

    @Option(
            names = "--wait",
            defaultValue = "PT3M",
            description = "How long to wait for the layers to catch up (ISO-8601, e.g. PT3M).")
    private Duration wait;

    @Override
    public Integer call() throws Exception {
        StackHome home = StackHome.fromEnvironment();
        LocalStack stack = new LocalStack(home);
        if (!keepData) {
            reset(stack);
        }
        System.out.println("== 1. Local stack");
        if (!stack.up(System.out)) {
            return 1;
        }
        System.out.println("== 2. Jobs (flink run)");
        List<String> jobs = submitJobs(home);
        System.out.println("== 3. Workload (seed " + seed + ", " + events + " events)");
        Workload workload = Workload.of(WorkloadParams.builder().seed(seed).events(events).build());
        Optional<Expectation> expected =
                new StackWorkload(stack, System.out).run(workload, true, !keepData, false);
        IcebergCounts counts = new IcebergCounts(catalog(home));
        BronzeSummary bronze = new BronzeSummary(counts);
        SilverSummary silver = new SilverSummary(counts);
        if (jobs.contains("bronze-ingest") && expected.isPresent()) {
            await("Bronze", () -> bronze.caughtUp(expected.get()));
        }
        if (jobs.contains("silver-conform") && expected.isPresent()) {
            await("Silver", () -> silver.caughtUp(expected.get()));
        }
        System.out.println("== 4. Summary");
        printSummary(stack, bronze, silver, expected);
        return 0;
    }

    private void reset(LocalStack stack) throws IOException {
        Path home = stack.home().home();
        System.out.println("== 0. Clean state: stopping the stack and clearing " + home);
        System.out.println("   (pass --keep-data to keep it)");
        stack.down(System.out);
        if (!Files.isDirectory(home)) {
            return;
        }
        for (String dir : List.of("kafka", "registry", "flink", "warehouse", "postgres/data")) {
            deleteTree(home.resolve(dir));
        }
    }

    private List<String> submitJobs(StackHome home) {
        JobCatalog catalog = new JobCatalog(home);
        FlinkRest rest = new FlinkRest(home);
        Path config = new JobsConfig(home).path();
        List<String> runnable = catalog.runnable();
        for (String job : JobCatalog.JOBS) {
            if (!runnable.contains(job)) {
                System.out.println("  " + job + ": not built yet (no runnable jar), skipped");
                continue;
            }
            boolean running =
                    rest.jobs().stream()
                            .anyMatch(j -> j.name().equals(job) && j.state().equals("RUNNING"));
            if (running) {
                System.out.println("  " + job + ": already RUNNING");
                continue;
            }
            int rc =
                    new FlinkCli(home)
                            .run(
                                    List.of(
                                            "run",
                                            "-d",
                                            catalog.jar(job).toString(),
                                            "--config",
                                            config.toString()));
            if (rc != 0) {
                throw new IllegalStateException(
                        "flink run of " + job + " failed (exit " + rc + ")");
            }
        }
        awaitRunning(rest, runnable);
        return runnable;
    }

    private void awaitRunning(FlinkRest rest, List<String> jobs) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            long running =
                    rest.jobs().stream()
                            .filter(j -> jobs.contains(j.name()) && j.state().equals("RUNNING"))
                            .count();
            if (running >= jobs.size()) {
                rest.printJobs(System.out);
                return;
            }
            sleep(Duration.ofSeconds(1));
        }
        rest.printJobs(System.out);
        throw new IllegalStateException("Not every job reached RUNNING within 60 s: " + jobs);
    }

    private void await(String layer, java.util.function.BooleanSupplier caughtUp) {
        System.out.println(
                "  waiting for " + layer + " to catch up (commits happen on checkpoints) ...");
        long started = System.nanoTime();
        long deadline = started + wait.toNanos();
        boolean done;
        while (!(done = caughtUp.getAsBoolean()) && System.nanoTime() < deadline) {
            sleep(Duration.ofSeconds(2));
        }
        System.out.printf(
                "  %s %s after %.1f s%n",
                layer,
                done ? "caught up" : "had NOT caught up",
                (System.nanoTime() - started) / 1e9);
    }

    private static void printSummary(
            LocalStack stack,
            BronzeSummary bronze,
            SilverSummary silver,
            Optional<Expectation> expected) {
        System.out.println("-- Raw (what was sent, per tenant; the oracle's expectation)");
        expected.ifPresent(e -> StackWorkload.printExpectation(e, System.out));
        System.out.println("-- Bronze (Iceberg " + BronzeSummary.EVENTS_TABLE + ")");
        bronze.print(expected, System.out);
        System.out.println(
                "-- Silver (Iceberg silver.*, upserted; rows after updates and deletes)");
        silver.print(expected, System.out);
        FlinkRest flink = new FlinkRest(stack.home());
        // The JobManager serves metrics from a cache refreshed every few seconds: ask again.
        Optional<Double> seen = Optional.empty();
        Optional<Double> written = Optional.empty();
        for (int attempt = 0; attempt < 10 && (seen.isEmpty() || written.isEmpty()); attempt++) {
            if (attempt > 0) {
                sleep(Duration.ofSeconds(2));
            }
            seen = flink.operatorMetricSum("silver-conform", "masterCopiesSeen");
            written = flink.operatorMetricSum("silver-conform", "masterRowsWritten");
        }
        if (seen.isPresent() && written.isPresent() && written.get() > 0) {
            System.out.printf(
                    "  master data: %,.0f embedded copies seen, %,.0f master rows written (%.1f"
                            + " copies per row)%n",
                    seen.get(), written.get(), seen.get() / written.get());
        }
        System.out.println("-- Gold, quality: jobs not built yet");
        System.out.println("-- Stack");
        stack.status(System.out);
        FlinkRest rest = new FlinkRest(stack.home());
        if (rest.reachable()) {
            rest.printJobs(System.out);
        }
    }

    private static org.apache.iceberg.catalog.Catalog catalog(StackHome home) {
        Path config = new JobsConfig(home).path();
        return IcebergCatalogs.load(Configuration.fromMap(JobConfig.readFile(config)));
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
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
