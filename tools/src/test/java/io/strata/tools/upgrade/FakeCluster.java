package io.strata.tools.upgrade;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A cluster scripted per submitted jar: each submission is given the next script, a list of the
 * progress it reports, the last repeated; records what the upgrade asked of it.
 */
final class FakeCluster implements Cluster {

    static final String SAVEPOINT = "file:/savepoints/savepoint-1";

    final List<String> calls = new ArrayList<>();
    final Map<String, Deque<JobProgress>> jobs = new HashMap<>();
    private final Deque<List<JobProgress>> scripts = new ArrayDeque<>();
    private Optional<String> running = Optional.of("old");
    private String stopFailure;
    private int submitted;

    FakeCluster thenSubmits(JobProgress... progress) {
        scripts.add(List.of(progress));
        return this;
    }

    FakeCluster thenSubmitFails() {
        scripts.add(List.of());
        return this;
    }

    FakeCluster noJobRunning() {
        running = Optional.empty();
        return this;
    }

    FakeCluster savepointFails(String reason) {
        stopFailure = reason;
        return this;
    }

    static JobProgress restored() {
        return new JobProgress("RUNNING", 1, Optional.empty());
    }

    static JobProgress initializing() {
        return new JobProgress("INITIALIZING", 0, Optional.empty());
    }

    static JobProgress failed(String state, String trace) {
        return new JobProgress(state, 0, Optional.of(trace));
    }

    @Override
    public Optional<String> runningJob(String name) {
        calls.add("running " + name);
        return running;
    }

    @Override
    public String stopWithSavepoint(String jobId) {
        calls.add("stop " + jobId);
        if (stopFailure != null) {
            throw new UpgradeStepException(stopFailure);
        }
        return SAVEPOINT;
    }

    @Override
    public String submit(String name, List<String> runArguments) {
        calls.add("submit " + String.join(" ", runArguments));
        List<JobProgress> script = scripts.remove();
        if (script.isEmpty()) {
            throw new UpgradeStepException(
                    "flink run failed (exit 1): no operator for 0123456789abcdef0123456789abcdef");
        }
        String id = "job" + (++submitted);
        jobs.put(id, new ArrayDeque<>(script));
        return id;
    }

    @Override
    public JobProgress progress(String jobId) {
        Deque<JobProgress> script = jobs.get(jobId);
        return script.size() > 1 ? script.remove() : script.peek();
    }

    @Override
    public void cancel(String jobId) {
        calls.add("cancel " + jobId);
        jobs.put(
                jobId, new ArrayDeque<>(List.of(new JobProgress("CANCELED", 0, Optional.empty()))));
    }
}
