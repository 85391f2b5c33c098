package io.strata.tools.upgrade;

import static io.strata.tools.upgrade.FakeCluster.SAVEPOINT;
import static io.strata.tools.upgrade.FakeCluster.failed;
import static io.strata.tools.upgrade.FakeCluster.initializing;
import static io.strata.tools.upgrade.FakeCluster.restored;
import static org.assertj.core.api.Assertions.assertThat;

import io.strata.tools.stack.JobCatalog;
import io.strata.tools.upgrade.UpgradeReport.Outcome;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The upgrade's decisions against a scripted cluster: what it submits, when it refuses, what it
 * cancels and restarts, and what it reports.
 */
class JobUpgradeTest {

    private static final Path OLD = Path.of("/jars/v1.jar");
    private static final Path NEW = Path.of("/jars/v2.jar");
    private static final String UNMAPPED =
            """
            org.apache.flink.runtime.client.JobInitializationException: Could not start the JobMaster.
            \tat org.apache.flink.runtime.jobmaster.DefaultJobMasterServiceProcess.lambda$new$0(DefaultJobMasterServiceProcess.java:97)
            Caused by: java.util.concurrent.CompletionException: java.lang.IllegalStateException: Failed to rollback
            \tat java.base/java.util.concurrent.CompletableFuture.encodeThrowable(CompletableFuture.java:315)
            Caused by: java.lang.IllegalStateException: Failed to rollback to checkpoint/savepoint file:/savepoints/savepoint-1. Cannot map checkpoint/savepoint state for operator 0123456789abcdef0123456789abcdef to the new program, because the operator is not available in the new program.
            \tat org.apache.flink.runtime.checkpoint.Checkpoints.throwNonRestoredStateException(Checkpoints.java:248)
            \t... 12 more
            """;

    private final FakeCluster cluster = new FakeCluster();
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @Test
    void theNewJarRunsFromTheSavepointOnceItHasCompletedACheckpoint() {
        cluster.thenSubmits(
                initializing(),
                new JobProgress("RUNNING", 0, java.util.Optional.empty()),
                restored());

        UpgradeReport report = upgrade();

        assertThat(report.outcome()).isEqualTo(Outcome.UPGRADED);
        assertThat(report.exitCode()).isZero();
        assertThat(report.oldJobId()).contains("old");
        assertThat(report.savepoint()).contains(SAVEPOINT);
        assertThat(report.newJobId()).contains("job1");
        assertThat(report.runningJobId()).contains("job1");
        assertThat(cluster.calls)
                .containsExactly(
                        "running bronze-ingest",
                        "stop old",
                        "submit run -d -s "
                                + SAVEPOINT
                                + " -D execution.savepoint.ignore-unclaimed-state=false "
                                + NEW
                                + " --config /conf/strata.yaml --strata.checkpoint.interval 2s");
    }

    @Test
    void stateTheNewJarCannotMapIsRefusedAndTheOldJarRestartsFromTheSameSavepoint() {
        cluster.thenSubmits(initializing(), failed("FAILED", UNMAPPED)).thenSubmits(restored());

        UpgradeReport report = upgrade();

        assertThat(report.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(report.exitCode()).isEqualTo(1);
        assertThat(report.reason())
                .hasValueSatisfying(
                        r ->
                                assertThat(r)
                                        .startsWith(
                                                "java.lang.IllegalStateException: Failed to rollback")
                                        .contains(
                                                "operator 0123456789abcdef0123456789abcdef (uid x-dedupe)"));
        assertThat(report.newJobId()).contains("job1");
        assertThat(report.runningJobId()).contains("job2");
        assertThat(cluster.calls).noneMatch(c -> c.startsWith("cancel")); // it had failed
        assertThat(cluster.calls.get(3)).contains("-s " + SAVEPOINT).contains(OLD.toString());
    }

    @Test
    void aTaskThatFailsToRestoreAndRestartsIsCancelledBeforeTheOldJarRestarts() {
        String serializer =
                """
                java.lang.Exception: Exception while creating StreamOperatorStateContext.
                \tat org.apache.flink.streaming.api.operators.StreamTaskStateInitializerImpl.streamOperatorStateContext(StreamTaskStateInitializerImpl.java:330)
                Caused by: org.apache.flink.util.StateMigrationException: The new state serializer
                (BooleanSerializer) must not be incompatible with the old state serializer (StringSerializer).
                \tat org.apache.flink.runtime.state.heap.HeapKeyedStateBackend.tryRegisterStateTable(HeapKeyedStateBackend.java:227)
                """;
        cluster.thenSubmits(initializing(), failed("RESTARTING", serializer))
                .thenSubmits(restored());

        UpgradeReport report = upgrade();

        assertThat(report.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(report.reason())
                .contains(
                        "org.apache.flink.util.StateMigrationException: The new state serializer"
                                + " (BooleanSerializer) must not be incompatible with the old state"
                                + " serializer (StringSerializer).");
        assertThat(cluster.calls).contains("cancel job1");
        assertThat(cluster.calls.indexOf("cancel job1"))
                .isLessThan(cluster.calls.size() - 1); // before the old jar's submission
    }

    @Test
    void aJobThatDoesNotCheckpointInTimeIsRefused() {
        cluster.thenSubmits(new JobProgress("RUNNING", 0, java.util.Optional.empty()))
                .thenSubmits(restored());

        UpgradeReport report = upgrade(Duration.ofMillis(50));

        assertThat(report.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(report.reason())
                .hasValueSatisfying(r -> assertThat(r).contains("no checkpoint completed"));
        assertThat(cluster.calls).contains("cancel job1");
    }

    @Test
    void aJarTheCliCannotSubmitIsRefusedToo() {
        cluster.thenSubmitFails().thenSubmits(restored());

        UpgradeReport report = upgrade();

        assertThat(report.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(report.reason())
                .contains(
                        "flink run failed (exit 1): no operator for"
                                + " 0123456789abcdef0123456789abcdef (uid x-dedupe)");
        assertThat(report.newJobId()).isEmpty();
        assertThat(report.runningJobId()).contains("job1");
    }

    @Test
    void whenTheOldJarFailsTooTheJobIsDownAndTheReportSaysHowToRestartIt() {
        cluster.thenSubmits(failed("FAILED", UNMAPPED)).thenSubmits(failed("FAILED", UNMAPPED));

        UpgradeReport report = upgrade();

        assertThat(report.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(report.exitCode()).isEqualTo(2);
        assertThat(printed(report)).contains("flink run -d -s " + SAVEPOINT);
    }

    @Test
    void withoutASavepointNothingIsSubmittedAndTheOldJobRunsOn() {
        cluster.savepointFails("no savepoint: java.io.IOException: disk full");

        UpgradeReport report = upgrade();

        assertThat(report.outcome()).isEqualTo(Outcome.NOT_STOPPED);
        assertThat(report.runningJobId()).contains("old");
        assertThat(cluster.calls).noneMatch(c -> c.startsWith("submit"));
    }

    @Test
    void withoutARunningJobNothingIsDone() {
        cluster.noJobRunning();

        UpgradeReport report = upgrade();

        assertThat(report.outcome()).isEqualTo(Outcome.NOT_RUNNING);
        assertThat(cluster.calls).containsExactly("running bronze-ingest");
    }

    @Test
    void theReportNamesTheJobsTheSavepointAndTheTime() {
        cluster.thenSubmits(restored());

        assertThat(printed(upgrade()))
                .contains("upgrade bronze-ingest: UPGRADED in")
                .contains("old job     old (" + OLD + ")")
                .contains("savepoint   " + SAVEPOINT)
                .contains("new job     job1 (" + NEW + ")");
    }

    private UpgradeReport upgrade() {
        return upgrade(Duration.ofSeconds(5));
    }

    private UpgradeReport upgrade(Duration timeout) {
        UnaryOperator<String> explain =
                text ->
                        text.replace(
                                "0123456789abcdef0123456789abcdef",
                                "0123456789abcdef0123456789abcdef (uid x-dedupe)");
        JobUpgrade.Settings settings =
                new JobUpgrade.Settings(
                        Path.of("/conf/strata.yaml"),
                        List.of("--strata.checkpoint.interval", "2s"),
                        timeout,
                        Duration.ZERO,
                        explain);
        return new JobUpgrade(
                        cluster,
                        JobCatalog.job("bronze-ingest"),
                        settings,
                        new PrintStream(log, true, StandardCharsets.UTF_8))
                .upgrade(OLD, NEW);
    }

    private static String printed(UpgradeReport report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        report.print(new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }
}
