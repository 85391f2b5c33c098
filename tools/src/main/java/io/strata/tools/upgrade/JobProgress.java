package io.strata.tools.upgrade;

import java.util.Optional;
import java.util.Set;

/**
 * A job as an upgrade watches it after submission.
 *
 * @param state Flink's job status ({@code INITIALIZING}, {@code RUNNING}, {@code RESTARTING}, ...)
 *     or {@code UNKNOWN} while the cluster does not list it yet
 * @param completedCheckpoints checkpoints completed since it started (the restored savepoint is not
 *     one)
 * @param failure the stack trace of a failure Flink reports for it, if any
 */
public record JobProgress(String state, long completedCheckpoints, Optional<String> failure) {

    private static final Set<String> ENDED = Set.of("FAILED", "CANCELED", "FINISHED", "SUSPENDED");

    /** Restored: running with a checkpoint of its own, so every task came up with its state. */
    public boolean restored() {
        return state.equals("RUNNING") && completedCheckpoints > 0 && failure.isEmpty();
    }

    /** The job will not (or no longer) run by itself. */
    public boolean ended() {
        return ENDED.contains(state);
    }
}
