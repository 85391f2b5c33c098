package io.strata.tools.chaos;

import io.strata.common.config.StrataOptions;
import io.strata.common.iceberg.IcebergCatalogs;
import io.strata.tools.chaos.FaultInjector.Injection;
import io.strata.tools.stack.FlinkRest;
import io.strata.tools.stack.JobLauncher;
import io.strata.tools.stack.JobsConfig;
import io.strata.tools.stack.LocalStack;
import io.strata.tools.stack.ReplicationSlots;
import io.strata.tools.stack.StackReset;
import io.strata.tools.summary.BronzeSummary;
import io.strata.tools.summary.GoldSummary;
import io.strata.tools.summary.IcebergCounts;
import io.strata.tools.summary.LayerWait;
import io.strata.tools.summary.SilverSummary;
import io.strata.workload.Workload;
import io.strata.workload.WorkloadParams;
import io.strata.workload.oltp.OltpTable;
import io.strata.workload.oracle.Expectation;
import io.strata.workload.oracle.gold.GoldOracle;
import io.strata.workload.oracle.gold.GoldVault;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.flink.configuration.Configuration;
import org.apache.iceberg.catalog.Catalog;

/**
 * The fault suite on the local stack: from a clean state, the whole chain under a sliced workload,
 * one fault after each slice, each recovered from before the next, then every layer compared with
 * the oracle. {@code ./strata chaos} and {@code ChaosIT} run it.
 */
public final class ChaosRun {

    /** The jobs the suite needs; quality-async joins them when it is built. */
    static final List<String> REQUIRED_JOBS =
            List.of("cdc-capture", "bronze-ingest", "silver-conform", "gold-features");

    /** What to run: the workload, the faults in order, and how long to wait for what. */
    public record Options(
            long events,
            long seed,
            List<FaultKind> faults,
            Duration recoveryTimeout,
            Duration layerWait) {

        public Options {
            faults = List.copyOf(faults);
            if (faults.isEmpty()) {
                throw new IllegalArgumentException("At least one fault is needed");
            }
        }
    }

    /** The report and the file it was also written to. */
    public record Outcome(ChaosReport report, Path file) {}

    /**
     * Pause after each recovery before the next fault: lets the JobManager's metrics cache (and
     * with it the restart counter) refresh, and the jobs work through some input fault-free.
     */
    private static final Duration SPACING = Duration.ofSeconds(10);

    private final LocalStack stack;
    private final PrintStream out;

    public ChaosRun(LocalStack stack, PrintStream out) {
        this.stack = stack;
        this.out = out;
    }

    public Outcome run(Options options) throws IOException {
        out.println("== 0. Clean state: stopping the stack and clearing " + stack.home().home());
        StackReset.clean(stack, out);
        out.println("== 1. Local stack");
        if (!stack.up(out)) {
            throw new IllegalStateException("The local stack did not start");
        }
        out.println("== 2. Jobs (flink run)");
        List<String> launched = new JobLauncher(stack.home()).launchAll(out);
        List<String> missing = REQUIRED_JOBS.stream().filter(j -> !launched.contains(j)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Not built, so not launched: " + missing);
        }
        FlinkRest flink = new FlinkRest(stack.home());
        ChaosJobs jobs = ChaosJobs.of(flink, launched);
        Configuration config = new JobsConfig(stack.home()).read();
        String slot = JobsConfig.required(config, JobsConfig.CDC_SLOT_NAME);
        new ReplicationSlots(stack.postgres()).awaitActive(slot, Duration.ofSeconds(120));
        out.println("  cdc-capture streams from replication slot " + slot);

        Workload workload =
                Workload.of(
                        WorkloadParams.builder()
                                .seed(options.seed())
                                .events(options.events())
                                .build());
        List<FaultResult> results = new ArrayList<>();
        Expectation expected;
        GoldOracle goldOracle;
        GoldVault liveVault;
        Set<String> oltpCustomers;
        Set<String> oltpProducts;
        try (ChaosWorkload input =
                new ChaosWorkload(stack, workload, options.faults().size() + 1, out)) {
            out.println(
                    "== 3. Faults under load (seed "
                            + options.seed()
                            + ", "
                            + options.events()
                            + " events in "
                            + (options.faults().size() + 1)
                            + " slices)");
            input.seedOltp();
            awaitFirstCheckpoints(flink, jobs, options);
            FaultInjector injector = new FaultInjector(stack, flink, slot, out);
            RecoveryWatch watch = new RecoveryWatch(flink);
            Map<String, Long> restarts = jobs.restarts(flink, Map.of());
            int number = 0;
            for (FaultKind kind : options.faults()) {
                input.sendSlice();
                FaultResult result =
                        injectAndRecover(
                                ++number, kind, injector, watch, jobs, flink, restarts, options);
                restarts = addRestarts(restarts, result.restarts());
                results.add(result);
                printFault(result);
            }
            input.sendSlice();
            expected = input.expectation();
            goldOracle = input.goldOracle();
            liveVault = input.liveVault();
            oltpCustomers = input.oltpKeysEverInserted(OltpTable.CUSTOMERS);
            oltpProducts = input.oltpKeysEverInserted(OltpTable.PRODUCTS);
        }
        out.println("== 4. Layers after the faults");
        Catalog catalog = IcebergCatalogs.load(config);
        IcebergCounts counts = new IcebergCounts(catalog);
        LayerWait.await(
                out,
                "Bronze",
                "catch up with the oracle",
                options.layerWait(),
                () -> new BronzeSummary(counts).caughtUp(expected));
        LayerWait.await(
                out,
                "Silver",
                "catch up with the oracle",
                options.layerWait(),
                () -> new SilverSummary(counts).caughtUp(expected));
        Duration quiet =
                JobsConfig.required(config, JobsConfig.GOLD_IDLENESS)
                        .plus(config.get(StrataOptions.CHECKPOINT_INTERVAL).multipliedBy(2));
        GoldSummary gold = new GoldSummary(catalog);
        LayerWait.await(
                out,
                "Gold",
                "settle (no count changes for " + quiet.toSeconds() + " s)",
                options.layerWait(),
                () -> gold.settled(quiet));
        OracleComparison comparison = new OracleComparison(counts);
        List<Check> checks = new ArrayList<>();
        checks.addAll(comparison.bronze(expected));
        checks.addAll(comparison.silver(expected));
        checks.addAll(
                new GoldComparison(catalog)
                        .compare(goldOracle, liveVault, oltpCustomers, oltpProducts));
        List<String> notes = new ArrayList<>();
        notes.add(
                "Gold: hub/link keys, the feature history and the current features against the"
                        + " workload's GoldOracle; rows of the OLTP (CDC) customers and products"
                        + " left out (not modelled); load times and satellites not compared (they"
                        + " follow the order versions reach Silver in)");
        ChaosReport report = new ChaosReport(results, checks, notes);
        return new Outcome(report, write(report));
    }

    /** Faults are only meaningful once each job has a checkpoint to recover from. */
    private void awaitFirstCheckpoints(FlinkRest flink, ChaosJobs jobs, Options options) {
        Instant now = Instant.now();
        Optional<Duration> ready =
                new RecoveryWatch(flink)
                        .await(
                                new Injection(null, "start", now, now),
                                jobs,
                                options.recoveryTimeout());
        if (ready.isEmpty()) {
            throw new IllegalStateException("Not every job completed a first checkpoint");
        }
        out.printf(
                "  every job has completed a checkpoint (%.1f s)%n",
                ready.get().toMillis() / 1000.0);
    }

    private FaultResult injectAndRecover(
            int number,
            FaultKind kind,
            FaultInjector injector,
            RecoveryWatch watch,
            ChaosJobs jobs,
            FlinkRest flink,
            Map<String, Long> before,
            Options options) {
        out.printf("  fault %d: %s ...%n", number, kind.cliName());
        Instant start = Instant.now();
        Injection injection;
        try {
            injection = injector.inject(kind, jobs);
        } catch (RuntimeException e) {
            return new FaultResult(
                    number,
                    kind,
                    "",
                    start,
                    Optional.empty(),
                    Map.of(),
                    Optional.of(String.valueOf(e.getMessage())));
        }
        Optional<Duration> recovery = watch.await(injection, jobs, options.recoveryTimeout());
        FaultInjector.sleep(SPACING);
        Map<String, Long> after = jobs.restarts(flink, before);
        Map<String, Long> delta = new LinkedHashMap<>();
        after.forEach((job, n) -> delta.put(job, n - before.getOrDefault(job, 0L)));
        return new FaultResult(
                number,
                kind,
                injection.detail(),
                injection.injected(),
                recovery,
                delta,
                Optional.empty());
    }

    private static Map<String, Long> addRestarts(Map<String, Long> total, Map<String, Long> more) {
        Map<String, Long> sum = new LinkedHashMap<>(total);
        more.forEach((job, n) -> sum.merge(job, n, Long::sum));
        return sum;
    }

    private void printFault(FaultResult f) {
        out.printf(
                "  fault %d: %s %s; restarts %s%n",
                f.number(),
                f.kind().cliName(),
                f.error()
                        .map(e -> "could not be injected: " + e)
                        .orElse(
                                f.recovery()
                                        .map(
                                                d ->
                                                        String.format(
                                                                "recovered in %.1f s",
                                                                d.toMillis() / 1000.0))
                                        .orElse("NOT recovered")),
                f.restarts());
        f.error().ifPresentOrElse(e -> {}, () -> out.println("    " + f.detail()));
    }

    /** Prints the report and writes it to {@code <state dir>/chaos/chaos-<time>.txt}. */
    private Path write(ChaosReport report) throws IOException {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        try (PrintStream file = new PrintStream(text, true, StandardCharsets.UTF_8)) {
            report.print(file);
        }
        String content = text.toString(StandardCharsets.UTF_8);
        out.println("== 5. Report");
        out.print(content);
        Path dir = Files.createDirectories(stack.home().home().resolve("chaos"));
        String stamp =
                DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                        .withZone(ZoneOffset.UTC)
                        .format(Instant.now());
        Path file = dir.resolve("chaos-" + stamp + ".txt");
        Files.writeString(file, content);
        out.println("  written to " + file);
        return file;
    }
}
