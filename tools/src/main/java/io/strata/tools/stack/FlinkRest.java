package io.strata.tools.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A small client of the JobManager's REST API: status, waiting on job states, and what an upgrade
 * needs (stop-with-savepoint, a job's progress and failures, cancel).
 */
public final class FlinkRest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String base;

    public FlinkRest(StackHome home) {
        this("http://localhost:" + home.get(StackOptions.FLINK_REST_PORT));
    }

    FlinkRest(String base) {
        this.base = base;
    }

    public boolean reachable() {
        return Probes.httpGet(base + "/config").isPresent();
    }

    /** A job as the REST API reports it. */
    public record Job(String id, String name, String state, long startTime) {}

    public List<Job> jobs() {
        Optional<String> body = Probes.httpGet(base + "/jobs/overview");
        List<Job> jobs = new ArrayList<>();
        if (body.isEmpty()) {
            return jobs;
        }
        try {
            for (JsonNode job : JSON.readTree(body.get()).path("jobs")) {
                jobs.add(
                        new Job(
                                job.path("jid").asText(),
                                job.path("name").asText(),
                                job.path("state").asText(),
                                job.path("start-time").asLong()));
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Unexpected answer from " + base, e);
        }
        return jobs;
    }

    /**
     * The sum over every subtask of an operator metric (e.g. {@code masterCopiesSeen}) of the
     * running job named {@code jobName}, or empty when the job or metric is not there.
     */
    public Optional<Double> operatorMetricSum(String jobName, String metric) {
        Optional<Job> job =
                jobs().stream()
                        .filter(j -> j.name().equals(jobName) && j.state().equals("RUNNING"))
                        .findFirst();
        if (job.isEmpty()) {
            return Optional.empty();
        }
        String jobUrl = base + "/jobs/" + job.get().id();
        double sum = 0;
        boolean found = false;
        JsonNode vertices;
        try {
            vertices = read(jobUrl).path("vertices");
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
        for (JsonNode vertex : vertices) {
            String metricsUrl =
                    jobUrl + "/vertices/" + vertex.path("id").asText() + "/subtasks/metrics";
            try {
                for (JsonNode available : read(metricsUrl)) {
                    String id = available.path("id").asText();
                    if (id.equals(metric) || id.endsWith("." + metric)) {
                        for (JsonNode value : read(metricsUrl + "?agg=sum&get=" + id)) {
                            sum += value.path("sum").asDouble();
                            found = true;
                        }
                    }
                }
            } catch (java.io.IOException e) {
                // A vertex without subtask metrics yet; the others still count.
            }
        }
        return found ? Optional.of(sum) : Optional.empty();
    }

    /** The running job named {@code name}, if there is one. */
    public Optional<Job> running(String name) {
        return jobs().stream()
                .filter(j -> j.name().equals(name) && j.state().equals("RUNNING"))
                .findFirst();
    }

    /** The state of job {@code id} (e.g. RUNNING, FINISHED, FAILED), or empty if unknown. */
    public Optional<String> state(String id) {
        return jobs().stream().filter(j -> j.id().equals(id)).map(Job::state).findFirst();
    }

    /**
     * Stops job {@code id} with a savepoint in the cluster's default savepoint directory ({@link
     * #stopWithSavepoint(String, Optional)}) and waits for it; triggers again while the job is
     * RUNNING but not all of its tasks are yet (just started or restarted).
     *
     * @return the savepoint's location
     * @throws IllegalStateException when the stop fails or takes longer than {@code timeout}
     */
    public String stopWithSavepoint(String id, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String trigger = stopWithSavepoint(id, Optional.empty());
        while (System.nanoTime() < deadline) {
            SavepointStatus status = savepoint(id, trigger);
            if (status.done() && status.location().isPresent()) {
                return status.location().get();
            }
            if (status.done()) {
                String failure = status.failure().orElse("no reason");
                if (!failure.contains("Not all required tasks are currently running")) {
                    throw new IllegalStateException(
                            "Stopping job " + id + " with a savepoint failed: " + failure);
                }
                // A job just (re)started is RUNNING before all its tasks are: try again.
                trigger = stopWithSavepoint(id, Optional.empty());
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(
                "Job " + id + " was not stopped with a savepoint within " + timeout);
    }

    /**
     * Triggers stop-with-savepoint of a job (without draining: timers do not fire, so state is
     * taken as it is); returns the trigger id {@link #savepoint} polls. {@code targetDirectory}
     * empty: the cluster's {@code execution.checkpointing.savepoint-dir}.
     */
    public String stopWithSavepoint(String jobId, Optional<String> targetDirectory) {
        ObjectNode body = JSON.createObjectNode().put("drain", false);
        targetDirectory.ifPresent(dir -> body.put("targetDirectory", dir));
        JsonNode answer = send("POST", "/jobs/" + jobId + "/stop", body.toString());
        return answer.path("request-id").asText();
    }

    /** A savepoint operation: still running, or its location, or Flink's failure. */
    public record SavepointStatus(
            boolean done, Optional<String> location, Optional<String> failure) {}

    public SavepointStatus savepoint(String jobId, String triggerId) {
        JsonNode answer = send("GET", "/jobs/" + jobId + "/savepoints/" + triggerId, null);
        if (!answer.path("status").path("id").asText().equals("COMPLETED")) {
            return new SavepointStatus(false, Optional.empty(), Optional.empty());
        }
        JsonNode operation = answer.path("operation");
        return new SavepointStatus(
                true,
                text(operation.path("location")),
                text(operation.path("failure-cause").path("stack-trace")));
    }

    /**
     * A job's state, its checkpoints completed since it started (a restored savepoint does not
     * count) and the first failure Flink reports for it, if any: the root exception of a failed
     * job, else the newest entry of its exception history (a task that failed and restarted).
     */
    public record Progress(String state, long completedCheckpoints, Optional<String> failure) {}

    public Progress progress(String jobId) {
        String state;
        try {
            state = send("GET", "/jobs/" + jobId, null).path("state").asText("UNKNOWN");
        } catch (IllegalStateException e) {
            // Just submitted: the dispatcher may not list the job yet.
            return new Progress("UNKNOWN", 0, Optional.empty());
        }
        long completed;
        try {
            completed =
                    read(base + "/jobs/" + jobId + "/checkpoints")
                            .path("counts")
                            .path("completed")
                            .asLong();
        } catch (java.io.IOException e) {
            completed = 0; // no checkpoint statistics yet (or never: a job that failed to start)
        }
        JsonNode exceptions = send("GET", "/jobs/" + jobId + "/exceptions", null);
        Optional<String> failure = text(exceptions.path("root-exception"));
        if (failure.isEmpty()) {
            JsonNode newest = exceptions.path("exceptionHistory").path("entries").path(0);
            failure = text(newest.path("stacktrace"));
        }
        return new Progress(state, completed, failure);
    }

    /**
     * A vertex of a job's graph (chained operators): its id, name, parallelism, status and records
     * sent on.
     */
    public record Vertex(String id, String name, int parallelism, String status, long recordsOut) {}

    /** The vertices of job {@code jobId}, as {@code /jobs/:id} reports them. */
    public List<Vertex> vertices(String jobId) {
        List<Vertex> vertices = new ArrayList<>();
        for (JsonNode v : send("GET", "/jobs/" + jobId, null).path("vertices")) {
            vertices.add(
                    new Vertex(
                            v.path("id").asText(),
                            v.path("name").asText(),
                            v.path("parallelism").asInt(),
                            v.path("status").asText(),
                            v.path("metrics").path("write-records").asLong()));
        }
        return vertices;
    }

    /**
     * When the last task of job {@code jobId} switched to RUNNING (epoch millis): from then on
     * every operator processes records. Empty while some task is not running yet.
     */
    public Optional<Long> allTasksRunningSince(String jobId) {
        long latest = 0;
        for (JsonNode vertex : send("GET", "/jobs/" + jobId, null).path("vertices")) {
            String path = "/jobs/" + jobId + "/vertices/" + vertex.path("id").asText();
            for (JsonNode subtask : send("GET", path + "/subtasktimes", null).path("subtasks")) {
                long running = subtask.path("timestamps").path("RUNNING").asLong(0);
                if (running <= 0) {
                    return Optional.empty();
                }
                latest = Math.max(latest, running);
            }
        }
        return latest > 0 ? Optional.of(latest) : Optional.empty();
    }

    /** {@code GET /jobs/:id/checkpoints}: Flink's checkpoint statistics of a job, as JSON. */
    public JsonNode checkpointStats(String jobId) {
        return send("GET", "/jobs/" + jobId + "/checkpoints", null);
    }

    /**
     * {@code GET /jobs/:id/checkpoints/details/:checkpoint}: one checkpoint of the retained
     * history, per vertex, as JSON.
     */
    public JsonNode checkpointDetails(String jobId, long checkpointId) {
        return send("GET", "/jobs/" + jobId + "/checkpoints/details/" + checkpointId, null);
    }

    /**
     * {@code GET /jobs/:id/checkpoints/details/:checkpoint/subtasks/:vertex}: each subtask's part
     * of one checkpoint (start delay, alignment, synchronous and asynchronous phases), as JSON.
     */
    public JsonNode checkpointSubtasks(String jobId, long checkpointId, String vertexId) {
        return send(
                "GET",
                "/jobs/" + jobId + "/checkpoints/details/" + checkpointId + "/subtasks/" + vertexId,
                null);
    }

    /**
     * {@code GET /jobs/:id/vertices/:vertex/subtasks/metrics?get=...&agg=avg}: the average over a
     * vertex's subtasks of each of {@code metrics}, as JSON ({@code [{"id": ..., "avg": ...}]}).
     */
    public JsonNode subtaskMetricAverages(String jobId, String vertexId, List<String> metrics) {
        return send(
                "GET",
                "/jobs/"
                        + jobId
                        + "/vertices/"
                        + vertexId
                        + "/subtasks/metrics?agg=avg&get="
                        + String.join(",", metrics),
                null);
    }

    /**
     * How often Flink restarted job {@code jobId} since it was submitted (the job metric {@code
     * numRestarts}, which the JobManager refreshes every few seconds); empty when not reported.
     */
    public Optional<Long> restarts(String jobId) {
        try {
            for (JsonNode metric : read(base + "/jobs/" + jobId + "/metrics?get=numRestarts")) {
                return Optional.of(Long.parseLong(metric.path("value").asText()));
            }
        } catch (java.io.IOException | NumberFormatException e) {
            // Not reported yet (just submitted or restarting): unknown, not zero.
        }
        return Optional.empty();
    }

    /** One checkpoint of a job's history, as the REST API reports it. */
    public record Checkpoint(long id, String status, long triggerTimestamp) {}

    /**
     * A job's checkpoint statistics: its latest completed checkpoint (if any) and the newest
     * checkpoints (the REST API keeps the last few, {@code web.checkpoints.history}).
     */
    public record Checkpoints(Optional<Checkpoint> latestCompleted, List<Checkpoint> history) {

        /** The highest checkpoint id Flink has triggered so far, 0 before the first. */
        public long highestId() {
            long highest = latestCompleted.map(Checkpoint::id).orElse(0L);
            for (Checkpoint c : history) {
                highest = Math.max(highest, c.id());
            }
            return highest;
        }
    }

    public Checkpoints checkpoints(String jobId) {
        JsonNode stats;
        try {
            stats = read(base + "/jobs/" + jobId + "/checkpoints");
        } catch (java.io.IOException e) {
            return new Checkpoints(Optional.empty(), List.of());
        }
        JsonNode latest = stats.path("latest").path("completed");
        Optional<Checkpoint> completed =
                latest.isObject()
                        ? Optional.of(
                                new Checkpoint(
                                        latest.path("id").asLong(),
                                        "COMPLETED",
                                        latest.path("trigger_timestamp").asLong()))
                        : Optional.empty();
        List<Checkpoint> history = new ArrayList<>();
        for (JsonNode c : stats.path("history")) {
            history.add(
                    new Checkpoint(
                            c.path("id").asLong(),
                            c.path("status").asText(),
                            c.path("trigger_timestamp").asLong()));
        }
        return new Checkpoints(completed, history);
    }

    /**
     * Whether job {@code jobId} is RUNNING with every task running or finished (a bounded source,
     * such as one that reads a configuration once, finishes): a job restarting from a checkpoint is
     * RUNNING again before its tasks are deployed.
     */
    public boolean fullyRunning(String jobId) {
        try {
            JsonNode job = read(base + "/jobs/" + jobId);
            if (!job.path("state").asText().equals("RUNNING")) {
                return false;
            }
            for (JsonNode vertex : job.path("vertices")) {
                String status = vertex.path("status").asText();
                if (!status.equals("RUNNING") && !status.equals("FINISHED")) {
                    return false;
                }
            }
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /**
     * {@code GET /jobmanager/config}: the configuration the running JobManager was started with
     * (key to value), the cluster's own account of its settings.
     */
    public Map<String, String> clusterConfig() {
        Map<String, String> config = new TreeMap<>();
        for (JsonNode entry : send("GET", "/jobmanager/config", null)) {
            config.put(entry.path("key").asText(), entry.path("value").asText());
        }
        return config;
    }

    /** {@code GET /config}: the Flink version of the cluster. */
    public String flinkVersion() {
        return send("GET", "/config", null).path("flink-version").asText("unknown");
    }

    /** Cancels a job (no savepoint). */
    public void cancel(String jobId) {
        send("PATCH", "/jobs/" + jobId + "?mode=cancel", null);
    }

    private static Optional<String> text(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank()
                ? Optional.of(node.asText())
                : Optional.empty();
    }

    /** A request whose answer must be a 2xx with JSON (or nothing); else an exception says why. */
    private JsonNode send(String method, String path, String body) {
        HttpRequest request =
                HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body))
                        .build();
        try {
            HttpResponse<String> response =
                    HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(
                        method
                                + " "
                                + path
                                + " answered "
                                + response.statusCode()
                                + ": "
                                + response.body());
            }
            return response.body().isBlank()
                    ? JSON.createObjectNode()
                    : JSON.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new UncheckedIOException("No answer from " + base + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode read(String url) throws java.io.IOException {
        Optional<String> body = Probes.httpGet(url);
        if (body.isEmpty()) {
            throw new java.io.IOException("No answer from " + url);
        }
        return JSON.readTree(body.get());
    }

    public void printJobs(PrintStream out) {
        List<Job> jobs = jobs();
        out.printf("  %-34s %-10s %s%n", "FLINK JOB", "STATE", "NAME");
        if (jobs.isEmpty()) {
            out.println("  (no jobs)");
        }
        for (Job job : jobs) {
            out.printf("  %-34s %-10s %s%n", job.id(), job.state(), job.name());
        }
    }
}
