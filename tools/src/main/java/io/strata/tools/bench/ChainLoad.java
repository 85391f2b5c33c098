package io.strata.tools.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.strata.tools.stack.FlinkRest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where each job of the whole-chain run spends its time, from Flink's own task metrics and
 * checkpoint statistics, sampled through the REST API while the job still works towards its layer.
 * For every vertex (the operators chained into one task): the average over its subtasks of {@code
 * busyTimeMsPerSecond}, {@code backPressuredTimeMsPerSecond} and {@code idleTimeMsPerSecond}, then
 * over the samples. A busy vertex is a bottleneck and the vertices in front of it are
 * back-pressured; a vertex idle most of the time waits for its input. And the slowest checkpoint
 * seen, split into its phases at the subtask that acknowledged last: the start delay is the barrier
 * queueing behind records (back-pressure), the alignment the wait for the barriers of the other
 * inputs, the synchronous and asynchronous parts the snapshot itself (for an Iceberg writer:
 * closing its data files). A sample that cannot be read is skipped: these figures explain a run,
 * they never decide whether it is valid.
 */
final class ChainLoad {

    /** Flink refreshes the time metrics every few seconds; sampling more often adds nothing. */
    static final long EVERY_MILLIS = 5_000;

    static final List<String> METRICS =
            List.of("busyTimeMsPerSecond", "backPressuredTimeMsPerSecond", "idleTimeMsPerSecond");

    /**
     * A vertex's mean shares of a second, in milliseconds, over {@code samples} samples.
     *
     * @param name Flink's vertex name (the chained operators)
     */
    record Vertex(
            String name,
            int parallelism,
            double busy,
            double backPressured,
            double idle,
            int samples) {}

    /**
     * The slowest completed checkpoint a job's retained history showed, at its slowest subtask.
     *
     * @param vertex the vertex that acknowledged last
     */
    record SlowCheckpoint(
            long id,
            long endToEndMillis,
            String vertex,
            int subtask,
            long startDelayMillis,
            long alignmentMillis,
            long syncMillis,
            long asyncMillis) {}

    /** One job's figures. */
    record Job(
            String job,
            List<Vertex> vertices,
            CheckpointStats checkpoints,
            Optional<SlowCheckpoint> slowest) {}

    private final FlinkRest rest;
    private final Map<String, Sampled> jobs = new LinkedHashMap<>();
    private long lastSampleAt;

    ChainLoad(FlinkRest rest) {
        this.rest = rest;
    }

    /**
     * Samples the jobs named in {@code active} (job name → id), at most every {@link
     * #EVERY_MILLIS}.
     */
    void sample(Map<String, String> active, long now) {
        if (now - lastSampleAt < EVERY_MILLIS) {
            return;
        }
        lastSampleAt = now;
        for (Map.Entry<String, String> job : active.entrySet()) {
            try {
                jobs.computeIfAbsent(job.getKey(), k -> new Sampled(job.getValue())).sample();
            } catch (RuntimeException e) {
                // Not reachable just now, or the job restarting: the next sample counts.
            }
        }
    }

    List<Job> results() {
        List<Job> out = new ArrayList<>();
        jobs.forEach((name, s) -> out.add(s.result(name)));
        return out;
    }

    /** One job's samples so far. */
    private final class Sampled {
        private final String jobId;
        private final Map<String, String> names = new LinkedHashMap<>();
        private final Map<String, Integer> parallelism = new HashMap<>();
        private final Map<String, double[]> sums = new HashMap<>();
        private final Map<String, Integer> counts = new HashMap<>();
        private CheckpointStats checkpoints = CheckpointStats.NONE;
        private SlowCheckpoint slowest;

        Sampled(String jobId) {
            this.jobId = jobId;
        }

        void sample() {
            if (names.isEmpty()) {
                for (FlinkRest.Vertex v : rest.vertices(jobId)) {
                    names.put(v.id(), v.name());
                    parallelism.put(v.id(), v.parallelism());
                }
            }
            for (String vertex : names.keySet()) {
                double[] shares = averages(rest.subtaskMetricAverages(jobId, vertex, METRICS));
                if (shares != null) {
                    double[] sum = sums.computeIfAbsent(vertex, k -> new double[METRICS.size()]);
                    for (int i = 0; i < sum.length; i++) {
                        sum[i] += shares[i];
                    }
                    counts.merge(vertex, 1, Integer::sum);
                }
            }
            JsonNode stats = rest.checkpointStats(jobId);
            checkpoints = CheckpointStats.of(stats);
            long slowerThan = slowest == null ? -1 : slowest.endToEndMillis();
            slowestCompleted(stats, slowerThan)
                    .ifPresent(
                            id ->
                                    breakdown(
                                                    rest.checkpointDetails(jobId, id),
                                                    v -> rest.checkpointSubtasks(jobId, id, v),
                                                    names)
                                            .ifPresent(b -> slowest = b));
        }

        Job result(String job) {
            List<Vertex> vertices = new ArrayList<>();
            names.forEach(
                    (id, name) -> {
                        int n = counts.getOrDefault(id, 0);
                        if (n > 0) {
                            double[] sum = sums.get(id);
                            vertices.add(
                                    new Vertex(
                                            name,
                                            parallelism.getOrDefault(id, 0),
                                            sum[0] / n,
                                            sum[1] / n,
                                            sum[2] / n,
                                            n));
                        }
                    });
            return new Job(job, vertices, checkpoints, Optional.ofNullable(slowest));
        }
    }

    /**
     * The three shares of {@link #METRICS}, in that order, from a subtask metrics answer; null when
     * any is missing or not a number (a task just deployed reports none).
     */
    static double[] averages(JsonNode answer) {
        Map<String, Double> byId = new HashMap<>();
        for (JsonNode metric : answer) {
            byId.put(metric.path("id").asText(), metric.path("avg").asDouble(Double.NaN));
        }
        double[] shares = new double[METRICS.size()];
        for (int i = 0; i < shares.length; i++) {
            Double value = byId.get(METRICS.get(i));
            if (value == null || value.isNaN()) {
                return null;
            }
            shares[i] = value;
        }
        return shares;
    }

    /**
     * The id of the slowest completed checkpoint in the retained history of a {@code
     * /jobs/:id/checkpoints} answer, if it took longer than {@code slowerThan} milliseconds.
     */
    static Optional<Long> slowestCompleted(JsonNode checkpoints, long slowerThan) {
        long id = -1;
        long longest = slowerThan;
        for (JsonNode c : checkpoints.path("history")) {
            long duration = c.path("end_to_end_duration").asLong();
            if ("COMPLETED".equals(c.path("status").asText())
                    && !c.path("is_savepoint").asBoolean()
                    && duration > longest) {
                longest = duration;
                id = c.path("id").asLong();
            }
        }
        return id >= 0 ? Optional.of(id) : Optional.empty();
    }

    /**
     * One checkpoint's phases at the subtask that acknowledged last: its vertex from {@code
     * details} ({@code tasks}: vertex id → end-to-end duration), its subtask from that vertex's
     * {@code subtasks} answer.
     */
    static Optional<SlowCheckpoint> breakdown(
            JsonNode details, Function<String, JsonNode> subtasks, Map<String, String> names) {
        String vertex = null;
        long longest = -1;
        var tasks = details.path("tasks").fields();
        while (tasks.hasNext()) {
            var task = tasks.next();
            long duration = task.getValue().path("end_to_end_duration").asLong(-1);
            if (duration > longest) {
                longest = duration;
                vertex = task.getKey();
            }
        }
        if (vertex == null) {
            return Optional.empty();
        }
        JsonNode slowest = null;
        for (JsonNode s : subtasks.apply(vertex).path("subtasks")) {
            if (s.has("end_to_end_duration")
                    && (slowest == null
                            || s.path("end_to_end_duration").asLong()
                                    > slowest.path("end_to_end_duration").asLong())) {
                slowest = s;
            }
        }
        if (slowest == null) {
            return Optional.empty();
        }
        return Optional.of(
                new SlowCheckpoint(
                        details.path("id").asLong(),
                        details.path("end_to_end_duration").asLong(),
                        names.getOrDefault(vertex, vertex),
                        slowest.path("index").asInt(),
                        slowest.path("start_delay").asLong(),
                        slowest.path("alignment").path("duration").asLong(),
                        slowest.path("checkpoint").path("sync").asLong(),
                        slowest.path("checkpoint").path("async").asLong()));
    }
}
