package io.strata.tools.bench;

import io.strata.common.flink.JobConfig;
import io.strata.common.iceberg.IcebergCatalogs;
import io.strata.tools.stack.FlinkRest;
import io.strata.tools.stack.FlinkService;
import io.strata.tools.stack.JobsConfig;
import io.strata.tools.stack.LocalStack;
import io.strata.tools.stack.StackOptions;
import io.strata.workload.Workload;
import io.strata.workload.WorkloadParams;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.flink.configuration.Configuration;
import org.apache.iceberg.catalog.Catalog;

/**
 * The benchmark: loads the bench topic once, then runs rounds of Strata's bronze-ingest (A), the
 * Flink SQL baseline (B) and the raw consumer (C) over it, one at a time on the same cluster, each
 * with a fresh consumer group and fresh output tables, then the whole chain ({@link ChainBench}),
 * and writes the report.
 */
public final class Bench {

    /** Iceberg namespace of the runs' tables; each table is dropped once measured. */
    static final String NAMESPACE = "bench";

    /** The JFR recording of the TaskManager during the last round's Strata run. */
    static final String PROFILE = "strata-bronze-ingest.jfr";

    /** The JFR recording of the TaskManager during the whole chain's throughput run. */
    static final String CHAIN_PROFILE = "strata-chain.jfr";

    private static final DateTimeFormatter RUN_ID =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    private final LocalStack stack;
    private final BenchSettings settings;
    private final ChainSettings chain;
    private final PrintStream out;

    public Bench(LocalStack stack, BenchSettings settings, ChainSettings chain, PrintStream out) {
        this.stack = stack;
        this.settings = settings;
        this.chain = chain;
        this.out = out;
    }

    /** Runs the benchmark and writes its report; returns the measurements. */
    public BenchResult run() throws IOException {
        String servers = "localhost:" + stack.home().get(StackOptions.KAFKA_PORT);
        Path jobsConfig = new JobsConfig(stack.home()).write();
        Configuration config = Configuration.fromMap(JobConfig.readFile(jobsConfig));
        FlinkRest rest = new FlinkRest(stack.home());
        List<String> others =
                rest.jobs().stream()
                        .filter(j -> j.state().equals("RUNNING"))
                        .map(FlinkRest.Job::name)
                        .toList();
        Catalog catalog = IcebergCatalogs.load(config);
        IcebergCommits commits = new IcebergCommits(catalog);
        ClusterRun cluster = new ClusterRun(rest, commits, this::taskManagerPid);

        String loadAtStart = Environment.loadAverage();
        Workload workload = Workload.of(workloadParams());
        out.printf(
                "== Loading %s (seed %d, %,d events)%n",
                BenchSettings.TOPIC, settings.seed(), settings.events());
        BenchTopic.Loaded input =
                new BenchTopic(
                                servers,
                                BenchSettings.TOPIC,
                                stack.home().get(StackOptions.KAFKA_PARTITIONS))
                        .load(workload, out);
        out.printf(
                "  %,d records (%,d bytes) in %.1f s%n",
                input.records(), input.bytes(), input.sendTime().toMillis() / 1000.0);

        String invocation = RUN_ID.format(Instant.now());
        StrataPipeline strata = new StrataPipeline(stack.home(), jobsConfig, cluster);
        SqlBaseline baseline = new SqlBaseline(stack.home(), servers, cluster);
        RawCeiling raw = new RawCeiling(servers, BenchSettings.TOPIC);
        List<Measurement> measurements = new ArrayList<>();
        Optional<List<String>> profileSection = Optional.empty();
        for (int round = 1; round <= settings.runs(); round++) {
            String runId = invocation + "-r" + round;
            out.printf(
                    "== Round %d of %d%s%n",
                    round, settings.runs(), round == 1 ? " (warm-up, not counted)" : "");
            StrataPipeline.Outputs outputs = StrataPipeline.Outputs.of(NAMESPACE, runId);
            Optional<TaskManagerProfile> profile =
                    round == settings.runs()
                            ? TaskManagerProfile.start(
                                    taskManagerPid(), settings.out().resolve(PROFILE), out)
                            : Optional.empty();
            measurements.add(
                    report(
                            strata.run(
                                    round,
                                    input,
                                    outputs,
                                    settings.checkpointInterval(),
                                    settings.timeout(),
                                    out)));
            profileSection = profile.flatMap(TaskManagerProfile::stop).map(ProfileSummary::section);
            cleanUp(
                    commits,
                    servers,
                    List.of(outputs.eventsTable(), outputs.quarantineTable()),
                    outputs.topics());
            String table = NAMESPACE + ".baseline_" + runId.replace('-', '_');
            measurements.add(
                    report(
                            baseline.run(
                                    round,
                                    input,
                                    table,
                                    "bench-baseline-" + runId,
                                    settings.checkpointInterval(),
                                    settings.timeout(),
                                    out)));
            cleanUp(commits, servers, List.of(table), List.of());
            measurements.add(
                    report(
                            raw.drain(
                                    round,
                                    input.records(),
                                    "bench-raw-" + runId,
                                    settings.timeout())));
        }
        List<LatencyRun.Result> latencies =
                latencies(
                        servers, rest, commits, strata, baseline, invocation, measurements, input);
        Map<String, String> chainLatencyParams = new HashMap<>(baseParams(1));
        chainLatencyParams.put("topic", ChainLatency.TOPIC);
        ChainBench chainBench =
                new ChainBench(stack.home(), jobsConfig, catalog, cluster, out)
                        .withProfile(this::taskManagerPid, settings.out().resolve(CHAIN_PROFILE));
        ChainResult chainResult =
                chainBench.run(chain, settings, workload, input, chainLatencyParams, invocation);
        BenchResult result =
                new BenchResult(
                        settings,
                        input,
                        measurements,
                        latencies,
                        Environment.describe(stack.home(), others, loadAtStart),
                        Instant.now(),
                        chainResult);
        Files.createDirectories(settings.out());
        BenchReport report = new BenchReport(result);
        profileSection.ifPresent(
                section -> report.withProfile("bronze-ingest, last round", section));
        chainBench
                .profileSection()
                .ifPresent(section -> report.withProfile("whole chain, throughput run", section));
        report.write(settings.out());
        return result;
    }

    /**
     * Strata, then the baseline, each on a paced workload of {@code --latency-seconds}; at half
     * Strata's measured median throughput unless a rate is given.
     */
    private List<LatencyRun.Result> latencies(
            String servers,
            FlinkRest rest,
            IcebergCommits commits,
            StrataPipeline strata,
            SqlBaseline baseline,
            String invocation,
            List<Measurement> measurements,
            BenchTopic.Loaded throughputInput) {
        if (settings.latencySeconds() <= 0) {
            return List.of();
        }
        double rate = settings.latencyRate();
        if (rate <= 0) {
            BenchResult sofar =
                    new BenchResult(
                            settings,
                            throughputInput,
                            measurements,
                            List.of(),
                            Map.of(),
                            Instant.now());
            OptionalDouble max =
                    sofar.median(Measurement.Pipeline.STRATA, Measurement::eventsPerSecond);
            if (max.isEmpty()) {
                out.println("== Latency: skipped, no counted Strata run to take the rate from");
                return List.of();
            }
            rate = max.getAsDouble() / 2;
        }
        long events = Math.max(1, Math.round(rate * settings.latencySeconds()));
        Map<String, String> params = new HashMap<>(baseParams(events));
        params.put("rate", Double.toString(rate));
        params.put("topic", LatencyRun.TOPIC);
        Workload paced = Workload.of(WorkloadParams.fromMap(params));
        LatencyRun run =
                new LatencyRun(
                        servers,
                        stack.home().get(StackOptions.KAFKA_PARTITIONS),
                        rest,
                        commits,
                        out);
        List<LatencyRun.Result> results = new ArrayList<>();
        out.printf("== Latency at %,.0f records/s for %d s%n", rate, settings.latencySeconds());
        String strataId = invocation + "-latency";
        StrataPipeline.Outputs outputs = StrataPipeline.Outputs.of(NAMESPACE, strataId);
        results.add(
                report(
                        run.run(
                                Measurement.Pipeline.STRATA,
                                new LatencyRun.Subject() {
                                    @Override
                                    public Optional<String> submit(String topic) {
                                        return strata.submit(
                                                topic, outputs, settings.checkpointInterval(), out);
                                    }

                                    @Override
                                    public Measurement await(
                                            BenchTopic.Loaded input, String jobId) {
                                        return strata.await(
                                                0, input, outputs, jobId, 0, settings.timeout());
                                    }

                                    @Override
                                    public String table() {
                                        return outputs.eventsTable();
                                    }

                                    @Override
                                    public IcebergLatency.SourceColumns columns() {
                                        return IcebergLatency.SourceColumns.STRATA;
                                    }
                                },
                                paced,
                                rate)));
        cleanUp(
                commits,
                servers,
                List.of(outputs.eventsTable(), outputs.quarantineTable()),
                outputs.topics());
        String table = NAMESPACE + ".baseline_" + strataId.replace('-', '_');
        String name = "bench-baseline-" + strataId;
        results.add(
                report(
                        run.run(
                                Measurement.Pipeline.BASELINE,
                                new LatencyRun.Subject() {
                                    @Override
                                    public Optional<String> submit(String topic) {
                                        return baseline.submit(
                                                topic,
                                                table,
                                                name,
                                                settings.checkpointInterval(),
                                                out);
                                    }

                                    @Override
                                    public Measurement await(
                                            BenchTopic.Loaded input, String jobId) {
                                        return baseline.await(
                                                0, input, table, jobId, 0, settings.timeout());
                                    }

                                    @Override
                                    public String table() {
                                        return table;
                                    }

                                    @Override
                                    public IcebergLatency.SourceColumns columns() {
                                        return IcebergLatency.SourceColumns.BASELINE;
                                    }
                                },
                                paced,
                                rate)));
        cleanUp(commits, servers, List.of(table), List.of(LatencyRun.TOPIC));
        return results;
    }

    private LatencyRun.Result report(LatencyRun.Result r) {
        Latencies l = r.latencies();
        out.printf(
                "  %-22s %s p50 %,d ms  p95 %,d ms  p99 %,d ms  max %,d ms (%,d events)%s%n",
                r.pipeline().label(),
                r.valid() ? "ok     " : "INVALID",
                l.p50(),
                l.p95(),
                l.p99(),
                l.max(),
                l.count(),
                r.note().isEmpty() ? "" : "  (" + r.note() + ")");
        return r;
    }

    private WorkloadParams workloadParams() {
        return WorkloadParams.fromMap(baseParams(settings.events()));
    }

    private Map<String, String> baseParams(long events) {
        Map<String, String> params = new HashMap<>();
        // Bronze-gate refusals (invalid JSON, missing ids) would make the two pipelines' row
        // counts differ by design; duplicates, late and out-of-order records stay in.
        params.put("malformed-rate", "0");
        params.putAll(settings.workload());
        params.put("seed", Long.toString(settings.seed()));
        params.put("events", Long.toString(events));
        params.put("topic", BenchSettings.TOPIC);
        return params;
    }

    private Measurement report(Measurement m) {
        out.printf(
                "  %-22s %s %,10.0f events/s %,10.0f events/CPU-s  %6.1f s  rows %,d%s%n",
                m.pipeline().label(),
                m.valid() ? "ok     " : "INVALID",
                m.eventsPerSecond(),
                m.eventsPerCpuSecond(),
                m.seconds(),
                m.rows(),
                m.note().isEmpty() ? "" : "  (" + m.note() + ")");
        return m;
    }

    /** Drops a run's tables and topics: the next run starts from nothing, the disk stays free. */
    private void cleanUp(
            IcebergCommits commits, String servers, List<String> tables, List<String> topics) {
        for (String table : tables) {
            try {
                commits.drop(table);
            } catch (RuntimeException e) {
                out.println("  could not drop " + table + ": " + e.getMessage());
            }
        }
        if (!topics.isEmpty()) {
            BenchTopic.delete(servers, topics);
        }
    }

    private long taskManagerPid() {
        Path pidFile = stack.home().pidFile(FlinkService.TASKMANAGER);
        try {
            return Long.parseLong(Files.readString(pidFile).trim());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }
}
