package io.strata.tools.bench;

import io.strata.tools.stack.FlinkRest;
import io.strata.tools.stack.StackHome;
import io.strata.tools.stack.StackOptions;
import io.strata.tools.summary.IcebergCounts;
import io.strata.workload.Workload;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.apache.iceberg.catalog.Catalog;

/**
 * The whole-chain parts of the bench, after the bronze-ingest rounds: {@link ChainThroughput} over
 * the bench topic they drained, then {@link ChainLatency} at a fixed rate; each on topics and
 * tables of its own, dropped afterwards.
 */
final class ChainBench {

    private final StackHome home;
    private final Path jobsConfig;
    private final Catalog catalog;
    private final ClusterRun cluster;
    private final PrintStream out;
    private LongSupplier taskManagerPid = () -> -1;
    private Path profileFile;
    private Optional<List<String>> profileSection = Optional.empty();

    ChainBench(
            StackHome home, Path jobsConfig, Catalog catalog, ClusterRun cluster, PrintStream out) {
        this.home = home;
        this.jobsConfig = jobsConfig;
        this.catalog = catalog;
        this.cluster = cluster;
        this.out = out;
    }

    /** Records the TaskManager with JFR into {@code file} while the throughput run runs. */
    ChainBench withProfile(LongSupplier pid, Path file) {
        this.taskManagerPid = pid;
        this.profileFile = file;
        return this;
    }

    /** Where the throughput run's CPU went, once {@link #run} recorded it. */
    Optional<List<String>> profileSection() {
        return profileSection;
    }

    ChainResult run(
            ChainSettings chain,
            BenchSettings settings,
            Workload workload,
            BenchTopic.Loaded input,
            Map<String, String> latencyWorkload,
            String invocation) {
        if (!chain.enabled()) {
            return ChainResult.NONE;
        }
        String servers = "localhost:" + home.get(StackOptions.KAFKA_PORT);
        ChainJobs jobs = new ChainJobs(home, jobsConfig, new FlinkRest(home));
        ChainSettings exactlyOnce =
                chain.withGoldIdleness(chain.throughputIdleness(settings.checkpointInterval()));
        List<String> throughputArgs = arguments(settings, exactlyOnce);
        List<String> latencyArgs = new ArrayList<>(arguments(settings, chain));
        latencyArgs.addAll(List.of("--strata.kafka.delivery", "AT_LEAST_ONCE"));
        out.printf(
                "== Whole chain: bronze-ingest → silver-conform → gold-features over %s%n",
                input.topic());
        ChainNames names = new ChainNames(invocation + "-chain", input.topic());
        IcebergCommits commits = new IcebergCommits(catalog);
        Optional<TaskManagerProfile> profile =
                profileFile == null
                        ? Optional.empty()
                        : TaskManagerProfile.start(taskManagerPid.getAsLong(), profileFile, out);
        ChainMeasurement throughput =
                new ChainThroughput(
                                jobs,
                                cluster,
                                commits,
                                new IcebergCounts(catalog),
                                new ChainLoad(new FlinkRest(home)),
                                out)
                        .run(
                                workload,
                                input,
                                names,
                                throughputArgs,
                                Map.of(),
                                exactlyOnce,
                                settings.timeout());
        profileSection = profile.flatMap(TaskManagerProfile::stop).map(ProfileSummary::section);
        report(throughput);
        ChainJobs.cleanUp(catalog, servers, names, out);
        Optional<ChainLatency.Result> latency = Optional.empty();
        if (chain.latencySeconds() > 0) {
            ChainSettings paced = chain.pacedAfter(throughput.eventsPerSecond());
            out.printf(
                    "== Whole chain latency at %,.0f records/s for %d s (raw event → %s)%n",
                    paced.latencyRate(), paced.latencySeconds(), "Gold topic");
            WallClockWorkload sent =
                    WallClockWorkload.of(
                            latencyWorkload, paced.latencyRate(), paced.latencySeconds());
            ChainNames latencyNames =
                    new ChainNames(invocation + "-chain-latency", ChainLatency.TOPIC);
            String registry = "http://localhost:" + home.get(StackOptions.REGISTRY_PORT);
            ChainLatency.Result r =
                    new ChainLatency(
                                    servers,
                                    registry,
                                    home.get(StackOptions.KAFKA_PARTITIONS),
                                    jobs,
                                    out)
                            .run(sent, latencyNames, latencyArgs, Map.of(), paced);
            report(r);
            ChainJobs.cleanUp(catalog, servers, latencyNames, out);
            BenchTopic.delete(servers, List.of(ChainLatency.TOPIC));
            latency = Optional.of(r);
        }
        return new ChainResult(Optional.of(throughput), latency, throughputArgs, latencyArgs);
    }

    /** The arguments every job of a chain run gets: checkpoints and Gold's watermark. */
    private static List<String> arguments(BenchSettings settings, ChainSettings chain) {
        return List.of(
                "--strata.checkpoint.interval",
                settings.checkpointInterval().toMillis() + "ms",
                "--gold.features.out-of-orderness",
                chain.goldOutOfOrderness().toMillis() + "ms",
                "--gold.features.idleness",
                chain.goldIdleness().toMillis() + "ms");
    }

    private void report(ChainMeasurement m) {
        out.printf(
                "  %-22s %s %,10.0f events/s %,10.0f events/CPU-s  %6.1f s (%.1f s running)"
                        + "  Gold rows %,d of %,d%s%n",
                "whole chain",
                m.valid() ? "ok     " : "INVALID",
                m.eventsPerSecond(),
                m.eventsPerCpuSecond(),
                m.seconds(),
                m.processingSeconds(),
                m.goldRows(),
                m.goldRowsExpected(),
                m.note().isEmpty() ? "" : "  (" + m.note() + ")");
    }

    private void report(ChainLatency.Result r) {
        Latencies l = r.latencies();
        out.printf(
                "  %-22s %s p50 %,d ms  p95 %,d ms  p99 %,d ms  max %,d ms (%,d rows)%s%n",
                "raw → Gold topic",
                r.valid() ? "ok     " : "INVALID",
                l.p50(),
                l.p95(),
                l.p99(),
                l.max(),
                l.count(),
                r.note().isEmpty() ? "" : "  (" + r.note() + ")");
    }
}
