package io.strata.tools.replay;

import io.strata.common.checksum.ChecksumComparison;
import io.strata.common.checksum.ChecksumLayer;
import io.strata.common.checksum.TableChecksum;
import io.strata.common.checksum.TableChecksums;
import io.strata.common.checksum.TableVersion;
import io.strata.tools.stack.FlinkCli;
import io.strata.tools.stack.FlinkRest;
import io.strata.tools.stack.JobCatalog;
import io.strata.tools.summary.ChecksumReport;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.configuration.Configuration;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.kafka.common.TopicPartition;

/**
 * One replay of one layer on a running session cluster, in the order that keeps readers safe:
 *
 * <ol>
 *   <li>stop the live job with a savepoint (its tables stop moving);
 *   <li>{@link ReplayBranches#prepare prepare} a branch of every table of the layer's namespace;
 *   <li>run the replay job (same jar, fresh state, {@link ReplayLayer#replaySettings}) until its
 *       committed offsets reach the input's ends as they were when the live job stopped, showing
 *       progress, then stop it with a savepoint (its last Iceberg commit);
 *   <li>{@link ReplayBranches#publish publish} every branch: {@code main} is fast-forwarded to the
 *       rebuilt table;
 *   <li>resume the live job from its savepoint: it goes on where it stopped (re-writing what it
 *       reads after the replay's end as an upsert of the same rows).
 * </ol>
 *
 * A failure before the publication discards the branches and resumes the live job: the live tables
 * are as they were.
 */
public final class Replay {

    private static final Duration SAVEPOINT_TIMEOUT = Duration.ofMinutes(5);

    private final ReplayLayer layer;
    private final Map<String, String> settings;
    private final Path configFile;
    private final Catalog catalog;
    private final FlinkRest rest;
    private final FlinkCli cli;
    private final JobCatalog jobs;
    private final PrintStream out;

    public Replay(
            ReplayLayer layer,
            Map<String, String> settings,
            Path configFile,
            Catalog catalog,
            FlinkRest rest,
            FlinkCli cli,
            JobCatalog jobs,
            PrintStream out) {
        this.layer = layer;
        this.settings = settings;
        this.configFile = configFile;
        this.catalog = catalog;
        this.rest = rest;
        this.cli = cli;
        this.jobs = jobs;
        this.out = out;
    }

    /**
     * Runs the replay; returns the tables it rebuilt.
     *
     * @param id the replay's id (branch {@code replay_<id>}, names and groups)
     * @param timeout how long the replay job may take to catch up
     */
    public List<TableIdentifier> run(
            String id, ReplayPosition from, String tenant, Duration timeout) {
        String branch = "replay_" + id;
        Map<String, String> replay = layer.replaySettings(settings, id, branch, from, tenant);
        Configuration config = Configuration.fromMap(settings);
        String namespace = layer.namespace(settings);
        List<TableIdentifier> tables = catalog.listTables(Namespace.of(namespace));
        if (tables.isEmpty()) {
            throw new IllegalStateException(
                    "No tables in namespace " + namespace + ": nothing to replay");
        }

        FlinkRest.Job live =
                rest.running(layer.job())
                        .orElseThrow(
                                () ->
                                        new IllegalStateException(
                                                layer.job()
                                                        + " is not running: a replay stops and"
                                                        + " resumes the live job"));
        out.printf("replay %s %s: stopping %s with a savepoint%n", layer, id, layer.job());
        String liveSavepoint = rest.stopWithSavepoint(live.id(), SAVEPOINT_TIMEOUT);
        out.printf("  savepoint %s%n", liveSavepoint);

        RuntimeException failure = null;
        String replayJob = null;
        try (ReplayProgress progress = new ReplayProgress(config)) {
            Map<TopicPartition, Long> target =
                    progress.afterLastRecord(layer.inputTopics(settings));
            Map<TopicPartition, Long> first = progress.firstOffsets(layer.inputTopics(settings));
            out.printf(
                    "  preparing branch %s of %d tables in %s%s%n",
                    branch,
                    tables.size(),
                    namespace,
                    tenant == null ? "" : " (tenant " + tenant + ")");
            for (TableIdentifier t : tables) {
                Table table = catalog.loadTable(t);
                ReplayBranches.prepare(table, branch, tenantColumn(table), tenant);
            }

            String replayName = replay.get("pipeline.name");
            out.printf("  submitting %s from %s%n", replayName, from);
            submit(replay, null);
            replayJob = awaitRunning(replayName);
            awaitCaughtUp(progress, id, target, first, replayJob, timeout);
            out.printf("  caught up; stopping %s with a savepoint%n", replayName);
            rest.stopWithSavepoint(replayJob, SAVEPOINT_TIMEOUT);

            compare(tables, branch, tenant);
            for (TableIdentifier t : tables) {
                ReplayBranches.publish(catalog.loadTable(t), branch);
            }
            out.printf(
                    "  published: main of %d tables in %s is the rebuilt layer%n",
                    tables.size(), namespace);
        } catch (RuntimeException e) {
            failure = e;
            out.printf("  replay failed (%s): discarding branch %s%n", e.getMessage(), branch);
            if (replayJob != null
                    && rest.state(replayJob).filter(s -> !isTerminal(s)).isPresent()) {
                cli.run(List.of("cancel", replayJob));
            }
            for (TableIdentifier t : tables) {
                try {
                    ReplayBranches.discard(catalog.loadTable(t), branch);
                } catch (RuntimeException d) {
                    e.addSuppressed(d);
                }
            }
        }
        try {
            out.printf("  resuming %s from %s%n", layer.job(), liveSavepoint);
            submit(Map.of(), liveSavepoint);
            awaitRunning(layer.job());
        } catch (RuntimeException e) {
            if (failure == null) {
                throw e;
            }
            failure.addSuppressed(e);
        }
        if (failure != null) {
            throw failure;
        }
        return tables;
    }

    /**
     * Prints, per table and tenant, whether the rebuilt branch holds the same rows as the live main
     * ({@link TableChecksums}, without the columns a replay legitimately changes): a replay from
     * the beginning with unchanged code and configuration reproduces the layer exactly.
     */
    private void compare(List<TableIdentifier> tables, String branch, String tenant) {
        ChecksumLayer checksumLayer =
                ChecksumLayer.of(layer.name().toLowerCase(java.util.Locale.ROOT)).orElseThrow();
        TableChecksums sums = new TableChecksums(catalog);
        List<TableChecksum> live = new ArrayList<>();
        List<TableChecksum> rebuilt = new ArrayList<>();
        for (TableIdentifier t : tables) {
            live.add(
                    sums.compute(t, TableVersion.current(), checksumLayer.excludedPaths(), tenant));
            rebuilt.add(
                    sums.compute(
                            t, TableVersion.branch(branch), checksumLayer.excludedPaths(), tenant));
        }
        ChecksumComparison comparison = ChecksumComparison.of(live, rebuilt);
        out.println("  live (main) against rebuilt (" + branch + "):");
        out.print(ChecksumReport.of(comparison).indent(4));
        out.printf(
                "  %s%n",
                comparison.allMatch()
                        ? "the rebuilt layer equals the live one"
                        : comparison.differing()
                                + " table/tenant lines differ: the rebuilt layer replaces them");
    }

    private static boolean isTerminal(String state) {
        return List.of("FINISHED", "CANCELED", "FAILED").contains(state);
    }

    /** Silver keeps the tenant in {@code meta}, every other table at the top. */
    static String tenantColumn(Table table) {
        return table.schema().findField("meta.tenant_id") != null ? "meta.tenant_id" : "tenant_id";
    }

    private void submit(Map<String, String> extra, String savepoint) {
        JobCatalog.Job job = JobCatalog.job(layer.job());
        List<String> args =
                new ArrayList<>(jobs.runArguments(job, configFile, ReplayLayer.arguments(extra)));
        if (savepoint != null) {
            // flink run -d -s <savepoint> ...: options before the jar.
            args.addAll(2, List.of("-s", savepoint));
        }
        int rc = cli.run(args);
        if (rc != 0) {
            throw new IllegalStateException(
                    "flink run of " + layer.job() + " failed (exit " + rc + ")");
        }
    }

    private String awaitRunning(String name) {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<FlinkRest.Job> job = rest.running(name);
            if (job.isPresent()) {
                return job.get().id();
            }
            sleep(Duration.ofSeconds(1));
        }
        throw new IllegalStateException(name + " did not reach RUNNING within 2 minutes");
    }

    private void awaitCaughtUp(
            ReplayProgress progress,
            String id,
            Map<TopicPartition, Long> target,
            Map<TopicPartition, Long> first,
            String replayJob,
            Duration timeout) {
        String group = layer.replayGroup(settings, id);
        long total = ReplayProgress.remaining(target, first, Map.of());
        long deadline = System.nanoTime() + timeout.toNanos();
        long lastPrint = 0;
        while (true) {
            long remaining = ReplayProgress.remaining(target, first, progress.committed(group));
            if (remaining == 0) {
                out.printf("  %,d / %,d records (100%%)%n", total, total);
                return;
            }
            String state = rest.state(replayJob).orElse("UNKNOWN");
            if (!state.equals("RUNNING")) {
                throw new IllegalStateException("The replay job is " + state + ", not RUNNING");
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "The replay did not catch up within "
                                + timeout
                                + ": "
                                + remaining
                                + " left");
            }
            if (System.nanoTime() - lastPrint > Duration.ofSeconds(5).toNanos()) {
                long done = total - remaining;
                out.printf(
                        "  %,d / %,d records (%d%%)%n",
                        done, total, total == 0 ? 100 : done * 100 / total);
                lastPrint = System.nanoTime();
            }
            sleep(Duration.ofSeconds(1));
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
