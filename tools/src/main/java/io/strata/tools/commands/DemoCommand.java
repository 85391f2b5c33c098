package io.strata.tools.commands;

import io.strata.common.config.StrataOptions;
import io.strata.common.iceberg.IcebergCatalogs;
import io.strata.tools.stack.FlinkRest;
import io.strata.tools.stack.JobLauncher;
import io.strata.tools.stack.JobsConfig;
import io.strata.tools.stack.LocalStack;
import io.strata.tools.stack.ReplicationSlots;
import io.strata.tools.stack.StackHome;
import io.strata.tools.stack.StackReset;
import io.strata.tools.summary.BronzeSummary;
import io.strata.tools.summary.GoldSummary;
import io.strata.tools.summary.IcebergCounts;
import io.strata.tools.summary.LayerWait;
import io.strata.tools.summary.ManifestReport;
import io.strata.tools.summary.ManifestRow;
import io.strata.tools.summary.SilverSummary;
import io.strata.tools.workload.StackWorkload;
import io.strata.workload.Workload;
import io.strata.workload.WorkloadParams;
import io.strata.workload.oracle.CdcProjection;
import io.strata.workload.oracle.Expectation;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.flink.configuration.Configuration;
import org.apache.iceberg.catalog.Catalog;
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
        List<String> jobs = new JobLauncher(home).launchAll(System.out);
        Configuration config = new JobsConfig(home).read();
        boolean cdc = jobs.contains("cdc-capture");
        if (cdc) {
            awaitCdcStreaming(stack, config);
        }
        System.out.println("== 3. Workload (seed " + seed + ", " + events + " events)");
        Workload workload = Workload.of(WorkloadParams.builder().seed(seed).events(events).build());
        Optional<Expectation> raw =
                new StackWorkload(stack, System.out).run(workload, true, !keepData, false);
        // With --keep-data no OLTP changes are written, so the CDC path adds nothing to expect.
        Optional<CdcProjection> cdcRows =
                cdc && !keepData
                        ? Optional.of(CdcProjection.of(workload.oltp()))
                        : Optional.empty();
        Optional<Expectation> expected = raw.map(e -> cdcRows.map(e::withCdc).orElse(e));
        Catalog catalog = IcebergCatalogs.load(config);
        IcebergCounts counts = new IcebergCounts(catalog);
        BronzeSummary bronze = new BronzeSummary(counts);
        SilverSummary silver = new SilverSummary(counts);
        GoldSummary gold = new GoldSummary(catalog);
        if (jobs.contains("bronze-ingest") && expected.isPresent()) {
            await("Bronze", "catch up with the oracle", () -> bronze.caughtUp(expected.get()));
        }
        if (jobs.contains("silver-conform") && expected.isPresent()) {
            await("Silver", "catch up with the oracle", () -> silver.caughtUp(expected.get()));
        }
        if (jobs.contains("gold-features")) {
            // No oracle for Gold here: its counts must hold still until every idle input has
            // released the features (the last rows wait for that) and two checkpoints more.
            Duration quiet =
                    JobsConfig.required(config, JobsConfig.GOLD_IDLENESS)
                            .plus(config.get(StrataOptions.CHECKPOINT_INTERVAL).multipliedBy(2));
            await(
                    "Gold",
                    "settle (no count changes for " + quiet.toSeconds() + " s)",
                    () -> gold.settled(quiet));
        }
        System.out.println("== 4. Summary");
        printSummary(stack, bronze, silver, gold, expected, cdcRows);
        if (jobs.contains("quality-async")) {
            System.out.println(
                    "-- Manifest (Iceberg ops.manifest, by quality-async; ./strata manifest)");
            new ManifestReport(ManifestRow.read(catalog, "ops.manifest"))
                    .print(System.out, Instant.now(), null);
        } else {
            System.out.println("-- Quality: quality-async is not built yet");
        }
        return 0;
    }

    private void reset(LocalStack stack) throws IOException {
        System.out.println(
                "== 0. Clean state: stopping the stack and clearing " + stack.home().home());
        System.out.println("   (pass --keep-data to keep it)");
        StackReset.clean(stack, System.out);
    }

    /**
     * Waits until cdc-capture streams from its replication slot, so every OLTP change written
     * afterwards reaches Bronze as its own event (a snapshot would fold earlier changes into one
     * row each), as the oracle counts them.
     */
    private static void awaitCdcStreaming(LocalStack stack, Configuration config) {
        String slot = JobsConfig.required(config, JobsConfig.CDC_SLOT_NAME);
        new ReplicationSlots(stack.postgres()).awaitActive(slot, Duration.ofSeconds(120));
        System.out.println("  cdc-capture streams from replication slot " + slot);
    }

    private void await(String layer, String goal, java.util.function.BooleanSupplier done) {
        LayerWait.await(System.out, layer, goal, wait, done);
    }

    private static void printSummary(
            LocalStack stack,
            BronzeSummary bronze,
            SilverSummary silver,
            GoldSummary gold,
            Optional<Expectation> expected,
            Optional<CdcProjection> cdc) {
        System.out.println("-- Raw (what was sent, per tenant; the oracle's expectation)");
        expected.ifPresent(e -> StackWorkload.printExpectation(e, System.out));
        System.out.println("-- Bronze (Iceberg " + BronzeSummary.EVENTS_TABLE + ")");
        bronze.print(expected, System.out);
        System.out.println(
                "-- Silver (Iceberg silver.*, upserted; rows after updates and deletes)");
        silver.print(expected, System.out);
        cdc.ifPresent(
                c ->
                        System.out.printf(
                                "  expected includes %,d customers and %,d products from the OLTP"
                                        + " tables (CDC)%n",
                                c.customers().size(), c.products().size()));
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
        System.out.println("-- Gold (Iceberg gold.*: Data Vault and customer features)");
        gold.print(System.out, 3);
        System.out.println("-- Stack");
        stack.status(System.out);
        new ReplicationSlots(stack.postgres()).print(System.out);
        FlinkRest rest = new FlinkRest(stack.home());
        if (rest.reachable()) {
            rest.printJobs(System.out);
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
