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
