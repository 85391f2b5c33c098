package io.strata.common.lineage;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Optional;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.JobID;
import org.apache.flink.core.execution.DetachedJobExecutionResult;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.JobListener;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.ExceptionUtils;

/**
 * START when the job is submitted, COMPLETE or FAIL when it ends, from where {@code main} runs (the
 * {@code flink run} client, or the JobManager in application mode). A detached submission does not
 * see the end of its job: then only START comes from here, RUNNING from the cluster.
 */
public final class LineageJobListener implements JobListener {

    private final LineageRun run;
    private final LineageSender sender;
    private volatile JobID submitted;

    public LineageJobListener(LineageRun run) {
        this.run = run;
        this.sender = new LineageSender(run);
    }

    /** Registers a listener on {@code env} when lineage is on. */
    public static void register(StreamExecutionEnvironment env, Optional<LineageRun> run) {
        run.ifPresent(r -> env.registerJobListener(new LineageJobListener(r)));
    }

    @Override
    public void onJobSubmitted(JobClient client, Throwable failure) {
        if (client == null) {
            return;
        }
        submitted = client.getJobID();
        sender.send(
                OpenLineageEvents.event(
                        "START",
                        run,
                        submitted,
                        Instant.now(),
                        OpenLineageEvents.facet(),
                        run.inputs()));
    }

    @Override
    public void onJobExecuted(JobExecutionResult result, Throwable failure) {
        if (result instanceof DetachedJobExecutionResult) {
            return;
        }
        JobID job = result != null ? result.getJobID() : submitted;
        if (job == null) {
            return;
        }
        ObjectNode strata = OpenLineageEvents.facet();
        String type = failure == null ? "COMPLETE" : "FAIL";
        if (failure != null) {
            strata.put(
                    "error",
                    ExceptionUtils.stringifyException(failure).lines().findFirst().orElse(""));
        }
        sender.send(OpenLineageEvents.event(type, run, job, Instant.now(), strata, run.inputs()));
    }
}
