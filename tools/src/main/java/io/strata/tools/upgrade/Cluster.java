package io.strata.tools.upgrade;

import java.util.List;
import java.util.Optional;

/** What an upgrade asks of the Flink cluster; {@link LocalCluster} is the local stack's. */
public interface Cluster {

    /** The id of the RUNNING job named {@code name}, if one runs. */
    Optional<String> runningJob(String name);

    /**
     * Stops the job with a savepoint and returns the savepoint's path.
     *
     * @throws UpgradeStepException with Flink's reason when no savepoint was taken (the job then
     *     keeps running)
     */
    String stopWithSavepoint(String jobId);

    /**
     * Submits the job named {@code name} with these {@code flink run} arguments and returns its id,
     * also when it failed at once (its failure is then in its {@link #progress}).
     *
     * @throws UpgradeStepException with the CLI's reason when no job was submitted
     */
    String submit(String name, List<String> runArguments);

    /** The job's state, checkpoints completed since it started, and its failure if any. */
    JobProgress progress(String jobId);

    /** Cancels the job without a savepoint. */
    void cancel(String jobId);
}
