package io.strata.tools.bench;

import io.strata.tools.stack.FlinkCli;
import io.strata.tools.stack.FlinkRest;
import io.strata.tools.stack.JobCatalog;
import io.strata.tools.stack.StackHome;
import io.strata.workload.oracle.BronzeCounts;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pipeline A: Strata's real bronze-ingest (its shaded jar, {@code flink run -d} with the stack's
 * jobs configuration), pointed by its own options at the bench topic and at tables and topics of
 * the run: parse, flag late events, hold paused tenants, dedupe by (tenant, event id) in RocksDB,
 * SHA-256 checksums, Iceberg Bronze and quarantine, Avro to Kafka, the manifest.
 */
final class StrataPipeline {

    private final StackHome home;
    private final Path jobsConfig;
    private final ClusterRun cluster;
    private final FlinkRest rest;

    StrataPipeline(StackHome home, Path jobsConfig, ClusterRun cluster) {
        this.home = home;
        this.jobsConfig = jobsConfig;
        this.cluster = cluster;
        this.rest = new FlinkRest(home);
    }

    /** What one run writes to: the tables and topics nothing else reads. */
    record Outputs(String name, String eventsTable, String quarantineTable, List<String> topics) {

        static Outputs of(String namespace, String runId) {
            String topic = "bench." + runId + ".";
            return new Outputs(
                    "bench-strata-" + runId,
                    namespace + ".strata_events_" + runId.replace('-', '_'),
                    namespace + ".strata_quarantine_" + runId.replace('-', '_'),
                    List.of(
                            topic + "bronze.events",
                            topic + "bronze.quarantine",
                            topic + "ops.manifest"));
        }
    }

    Measurement run(
            int round,
            BenchTopic.Loaded input,
            Outputs out,
            Duration checkpointInterval,
            Duration timeout,
            PrintStream log) {
        double cpu = cluster.cpuNow();
        Optional<String> jobId = submit(input.topic(), out, checkpointInterval, log);
        if (jobId.isEmpty()) {
            return Measurement.failed(
                    Measurement.Pipeline.STRATA, round, input.records(), "flink run failed");
        }
        return await(round, input, out, jobId.get(), cpu, timeout);
    }

    /** Submits bronze-ingest reading {@code topic} into {@code out}; returns its job id. */
    Optional<String> submit(
            String topic, Outputs out, Duration checkpointInterval, PrintStream log) {
        List<String> args =
                List.of(
                        "--pipeline.name", out.name(),
                        "--strata.checkpoint.interval", checkpointInterval.toMillis() + "ms",
                        "--bronze.input.topic-pattern", topic.replace(".", "\\."),
                        "--bronze.input.group-id", out.name(),
                        "--bronze.input.start-from", "EARLIEST",
                        "--bronze.iceberg.events-table", out.eventsTable(),
                        "--bronze.iceberg.quarantine-table", out.quarantineTable(),
                        "--bronze.output.events-topic", out.topics().get(0),
                        "--bronze.output.quarantine-topic", out.topics().get(1),
                        "--strata.manifest.topic", out.topics().get(2),
                        "--bronze.output.transactional-id-prefix", out.name());
        JobCatalog.Job job = JobCatalog.job("bronze-ingest");
        Path jar = new JobCatalog(home).jar(job.module());
        ByteArrayOutputStream cliOutput = new ByteArrayOutputStream();
        FlinkCli.Result submitted =
                new FlinkCli(home)
                        .runCapturing(
                                JobCatalog.runArguments(job, jar, jobsConfig, args),
                                new PrintStream(cliOutput, true, StandardCharsets.UTF_8));
        if (submitted.submittedJobId().isEmpty()) {
            log.println(submitted.output());
        }
        return submitted.submittedJobId();
    }

    /** Waits for the job to write what the oracle expects of {@code input}, then cancels it. */
    Measurement await(
            int round,
            BenchTopic.Loaded input,
            Outputs out,
            String jobId,
            double cpuAtSubmit,
            Duration timeout) {
        BronzeCounts oracle = input.oracle().bronzeTotal();
        Map<String, Long> expected = new LinkedHashMap<>();
        expected.put(out.eventsTable(), oracle.accepted());
        if (oracle.quarantinedTotal() > 0) {
            expected.put(out.quarantineTable(), oracle.quarantinedTotal());
        }
        return cluster.await(
                Measurement.Pipeline.STRATA,
                round,
                input.records(),
                jobId,
                expected,
                cpuAtSubmit,
                timeout,
                // Read before the job is cancelled: the metric lives with the job.
                () -> duplicatesCheck(out.name(), oracle.duplicates()));
    }

    /**
     * Empty when the dedupe operator's {@code duplicates} counters add up to the oracle's
     * duplicates (input = Bronze + duplicates + quarantine), else why not. The JobManager caches
     * metrics for a few seconds: asks again until they match or 15 s pass.
     */
    private Optional<String> duplicatesCheck(String jobName, long expected) {
        Optional<Double> seen = Optional.empty();
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            seen = rest.operatorMetricSum(jobName, "duplicates");
            if (seen.isPresent() && seen.get().longValue() == expected) {
                return Optional.empty();
            }
            ClusterRun.sleep(Duration.ofSeconds(1));
        }
        return Optional.of(
                "duplicates metric "
                        + seen.map(d -> Long.toString(d.longValue())).orElse("missing")
                        + ", expected "
                        + expected);
    }
}
