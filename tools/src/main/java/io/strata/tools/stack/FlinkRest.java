package io.strata.tools.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A small client of the JobManager's REST API, for status and for waiting on job states. */
public final class FlinkRest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;

    public FlinkRest(StackHome home) {
        this.base = "http://localhost:" + home.get(StackOptions.FLINK_REST_PORT);
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
     * Stops job {@code id} with a savepoint in the cluster's default savepoint directory (without
     * draining: timers and windows stay in the savepoint) and waits for it.
     *
     * @return the savepoint's location
     * @throws IllegalStateException when the stop fails or takes longer than {@code timeout}
     */
    public String stopWithSavepoint(String id, java.time.Duration timeout) {
        String url = base + "/jobs/" + id;
        try {
            String trigger =
                    JSON.readTree(Probes.httpPost(url + "/stop", "{\"drain\": false}"))
                            .path("request-id")
                            .asText();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                JsonNode status = read(url + "/savepoints/" + trigger);
                if (status.path("status").path("id").asText().equals("COMPLETED")) {
                    JsonNode operation = status.path("operation");
                    if (operation.has("location")) {
                        return operation.path("location").asText();
                    }
                    throw new IllegalStateException(
                            "Stopping job "
                                    + id
                                    + " with a savepoint failed: "
                                    + operation
                                            .path("failure-cause")
                                            .path("stack-trace")
                                            .asText(operation.toString()));
                }
                Thread.sleep(500);
            }
            throw new IllegalStateException(
                    "Job " + id + " was not stopped with a savepoint within " + timeout);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Could not stop job " + id + " with a savepoint", e);
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
