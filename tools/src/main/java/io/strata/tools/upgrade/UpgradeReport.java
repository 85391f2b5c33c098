package io.strata.tools.upgrade;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * What an upgrade did: its outcome, the jobs and savepoint involved, Flink's reason when it did not
 * upgrade, and how long it took.
 *
 * @param oldJobId the job that ran before, when one did
 * @param savepoint the savepoint it was stopped with, when it was
 * @param newJobId the job of the new jar, when one was submitted
 * @param runningJobId the job running at the end: the new one, or the old jar's restarted one
 * @param reason Flink's reason the upgrade did not happen
 */
public record UpgradeReport(
        String job,
        Outcome outcome,
        Path newJar,
        Path oldJar,
        Optional<String> oldJobId,
        Optional<String> savepoint,
        Optional<String> newJobId,
        Optional<String> runningJobId,
        Optional<String> reason,
        Duration took) {

    /** How an upgrade ended, and the command's exit code for it. */
    public enum Outcome {
        /** The new jar runs from the savepoint and has completed a checkpoint. */
        UPGRADED(0),
        /** No RUNNING job of that name: nothing was done. */
        NOT_RUNNING(1),
        /** Flink took no savepoint; the old job keeps running. */
        NOT_STOPPED(1),
        /** The new jar could not restore the savepoint; the old jar runs again from it. */
        REFUSED(1),
        /** Neither jar runs: the job is down, its state is in the savepoint. */
        DOWN(2);

        final int exitCode;

        Outcome(int exitCode) {
            this.exitCode = exitCode;
        }
    }

    public int exitCode() {
        return outcome.exitCode;
    }

    public void print(PrintStream out) {
        out.printf("upgrade %s: %s in %.1f s%n", job, outcome, took.toMillis() / 1000.0);
        reason.ifPresent(r -> out.println("  reason      " + r));
        oldJobId.ifPresent(id -> out.println("  old job     " + id + " (" + oldJar + ")"));
        savepoint.ifPresent(s -> out.println("  savepoint   " + s));
        newJobId.ifPresent(id -> out.println("  new job     " + id + " (" + newJar + ")"));
        runningJobId.ifPresent(id -> out.println("  running     " + id + running()));
        if (outcome == Outcome.DOWN) {
            out.println(
                    "  The job is not running; its state is in the savepoint. Once the cause is"
                            + " fixed: ./strata flink run -d -s "
                            + savepoint.orElse("<savepoint>")
                            + " <jar> --config <file>");
        }
    }

    private String running() {
        return outcome == Outcome.UPGRADED
                ? " (the new jar, restored from the savepoint)"
                : " (the old jar, restored from the savepoint)";
    }
}
