package io.strata.tools.bench;

import io.strata.tools.stack.FlinkRest;
import io.strata.workload.Workload;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;

/**
 * Latency at a fixed rate: the pipeline runs first, on an empty topic of its own, and the workload
 * is then sent paced; each output row's latency is its commit time minus its record's produce time
 * ({@link IcebergLatency}). The generator runs on the same machine as the broker and the cluster.
 */
final class LatencyRun {

    /**
     * The outcome for one pipeline.
     *
     * @param records records sent
     * @param rows rows the oracle expects in the output table (each should have a latency)
     */
    record Result(
            Measurement.Pipeline pipeline,
            double rate,
            long records,
            long rows,
            Latencies latencies,
            boolean valid,
            String note) {}

    /** One pipeline, as the latency run drives it. */
    interface Subject {
        /** Submits the pipeline reading {@code topic}; returns its job id. */
        Optional<String> submit(String topic);

        /** Waits for the pipeline to write what the oracle expects of {@code input}. */
        Measurement await(BenchTopic.Loaded input, String jobId);

        /** The table whose commits make events visible, and where its rows name their source. */
        String table();

        IcebergLatency.SourceColumns columns();
    }

    static final String TOPIC = "bench.latency.webhooks";

    private final String servers;
    private final int partitions;
    private final FlinkRest rest;
    private final IcebergCommits commits;
    private final PrintStream out;

    LatencyRun(
            String servers,
            int partitions,
            FlinkRest rest,
            IcebergCommits commits,
            PrintStream out) {
        this.servers = servers;
        this.partitions = partitions;
        this.rest = rest;
        this.commits = commits;
        this.out = out;
    }

    Result run(Measurement.Pipeline pipeline, Subject subject, Workload paced, double rate) {
        BenchTopic topic = new BenchTopic(servers, TOPIC, partitions);
        topic.recreate();
        Optional<String> jobId = subject.submit(TOPIC);
        if (jobId.isEmpty()) {
            return new Result(pipeline, rate, 0, 0, Latencies.NONE, false, "submission failed");
        }
        // Records sent before the job reads would wait for it and count its start-up.
        if (!awaitRunning(jobId.get())) {
            rest.cancel(jobId.get());
            return new Result(pipeline, rate, 0, 0, Latencies.NONE, false, "job did not start");
        }
        ClusterRun.sleep(Duration.ofSeconds(5));
        BenchTopic.Loaded input = topic.send(paced, out);
        Measurement m = subject.await(input, jobId.get());
        long rows = input.oracle().bronzeTotal().accepted();
        if (!m.valid()) {
            return new Result(
                    pipeline, rate, input.records(), rows, Latencies.NONE, false, m.note());
        }
        ProduceTimes produced = ProduceTimes.read(servers, TOPIC, Duration.ofMinutes(2));
        Latencies latencies =
                commits.load(subject.table())
                        .map(t -> IcebergLatency.of(t, subject.columns(), produced))
                        .orElse(Latencies.NONE);
        boolean complete = latencies.count() == rows;
        return new Result(
                pipeline,
                rate,
                input.records(),
                rows,
                latencies,
                complete,
                complete ? "" : latencies.count() + " of " + rows + " rows matched their record");
    }

    private boolean awaitRunning(String jobId) {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (rest.state(jobId).filter("RUNNING"::equals).isPresent()
                    && rest.allTasksRunningSince(jobId).isPresent()) {
                return true;
            }
            ClusterRun.sleep(Duration.ofMillis(500));
        }
        return false;
    }
}
