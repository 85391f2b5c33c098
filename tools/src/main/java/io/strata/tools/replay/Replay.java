package io.strata.tools.replay;

import io.strata.common.checksum.ChecksumComparison;
import io.strata.common.checksum.ChecksumLayer;
import io.strata.common.checksum.TableChecksum;
import io.strata.common.checksum.TableChecksums;
import io.strata.common.checksum.TableHub;
import io.strata.common.checksum.TableVersion;
import io.strata.common.flink.SourceNames;
import io.strata.common.kafka.StartFrom;
import io.strata.tools.stack.FlinkCli;
import io.strata.tools.stack.FlinkRest;
import io.strata.tools.stack.JobCatalog;
import io.strata.tools.summary.ChecksumReport;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.flink.configuration.Configuration;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.CloseableIterable;
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
 * A Silver replay from the earliest offsets when the Bronze topics no longer start at offset 0
 * (retention) reads Bronze's Iceberg table instead, the permanent record: bronze-ingest is stopped
 * with a savepoint first, the live Silver job reads the topics to their end before it is stopped,
 * and the replay reads the table's snapshot of that moment (which then holds exactly what the live
 * job has read) until its source has finished; bronze-ingest is resumed last.
 *
 * <p>A failure before the publication discards the branches and resumes the stopped jobs: the live
 * tables are as they were.
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
        Map<String, String> replay =
                new LinkedHashMap<>(layer.replaySettings(settings, id, branch, from, tenant));
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

        // Stopped jobs and their savepoints, resumed in reverse order whatever happens.
        Map<String, String> stopped = new LinkedHashMap<>();
        RuntimeException failure = null;
        String replayJob = null;
        boolean prepared = false;
        try (ReplayProgress progress = new ReplayProgress(config)) {
            Optional<String> bronzeTable = fromBronzeTable(progress, from);
            Map<TopicPartition, Long> target = Map.of();
            Map<TopicPartition, Long> first = Map.of();
            long tableRows = 0;
            if (bronzeTable.isPresent()) {
                stopBronzeAndDrain(progress, live, stopped, timeout);
                Table bronze = catalog.loadTable(TableIdentifier.parse(bronzeTable.get()));
                bronze.refresh();
                if (bronze.currentSnapshot() == null) {
                    throw new IllegalStateException(bronzeTable.get() + " is empty");
                }
                long snapshot = bronze.currentSnapshot().snapshotId();
                tableRows = rows(bronze, snapshot, tenant);
                replay.putAll(layer.bronzeTableSettings(snapshot));
                out.printf(
                        "  reading %s at snapshot %d: %,d rows%s%n",
                        bronzeTable.get(),
                        snapshot,
                        tableRows,
                        tenant == null ? "" : " of tenant " + tenant);
            } else {
                stop(live, stopped);
                target = progress.afterLastRecord(layer.inputTopics(settings));
                first = progress.firstOffsets(layer.inputTopics(settings));
            }
            boolean fromTheBeginning = from.startFrom() == StartFrom.EARLIEST;
            out.printf(
                    "  preparing branch %s of %d tables in %s%s%s%n",
                    branch,
                    tables.size(),
                    namespace,
                    tenant == null ? "" : " (tenant " + tenant + ")",
                    fromTheBeginning ? "" : ", keeping the rows written before " + from);
            prepared = true;
            // A tenant's hash keys are read from the hubs' main before any branch changes.
            Map<TableIdentifier, TableHub> hubs = new LinkedHashMap<>();
            for (TableIdentifier t : tables) {
                Table table = catalog.loadTable(t);
                if (tenant != null && tenantColumn(table) == null) {
                    hubs.put(
                            t,
                            TableHub.of(catalog, t, table)
                                    .orElseThrow(
                                            () ->
                                                    new IllegalStateException(
                                                            t
                                                                    + " has no tenant column and no"
                                                                    + " hub: it cannot be replayed"
                                                                    + " for one tenant")));
                }
            }
            Map<TableIdentifier, Set<String>> hubKeys = new LinkedHashMap<>();
            hubs.forEach((t, hub) -> hubKeys.put(t, hub.keysOf(tenant)));
            for (TableIdentifier t : tables) {
                Table table = catalog.loadTable(t);
                if (hubKeys.containsKey(t)) {
                    ReplayBranches.prepareKeys(
                            table, branch, hubs.get(t).key(), hubKeys.get(t), fromTheBeginning);
                } else {
                    ReplayBranches.prepare(
                            table, branch, tenantColumn(table), tenant, fromTheBeginning);
                }
            }

            String replayName = replay.get("pipeline.name");
            out.printf(
                    "  submitting %s from %s%n",
                    replayName,
                    bronzeTable.map(t -> "Bronze's table " + t).orElse(from.toString()));
            submit(layer.job(), replay, null);
            replayJob = awaitRunning(replayName);
            if (bronzeTable.isPresent()) {
                awaitTableRead(replayJob, tableRows, timeout);
            } else {
                awaitCaughtUp(progress, id, target, first, replayJob, timeout);
            }
            settle(replayJob);
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
            out.printf("  replay failed (%s)%n", e.getMessage());
            if (replayJob != null
                    && rest.state(replayJob).filter(s -> !isTerminal(s)).isPresent()) {
                cli.run(List.of("cancel", replayJob));
            }
            if (prepared) {
                out.printf("  discarding branch %s%n", branch);
                for (TableIdentifier t : tables) {
                    try {
                        ReplayBranches.discard(catalog.loadTable(t), branch);
                    } catch (RuntimeException d) {
                        e.addSuppressed(d);
                    }
                }
            }
        }
        List<Map.Entry<String, String>> resume = new ArrayList<>(stopped.entrySet());
        Collections.reverse(resume);
        for (Map.Entry<String, String> job : resume) {
            try {
                out.printf("  resuming %s from %s%n", job.getKey(), job.getValue());
                submit(job.getKey(), Map.of(), job.getValue());
                awaitRunning(job.getKey());
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return tables;
    }

    /**
     * The Bronze table to read instead of the topics: for a Silver replay from the earliest offsets
     * when an input partition no longer starts at offset 0 (retention, or records deleted by hand),
     * since the topics then no longer hold the beginning.
     */
    private Optional<String> fromBronzeTable(ReplayProgress progress, ReplayPosition from) {
        if (from.startFrom() != StartFrom.EARLIEST || layer.bronzeTable(settings).isEmpty()) {
            return Optional.empty();
        }
        Map<TopicPartition, Long> lost =
                new TreeMap<>(Comparator.comparing(TopicPartition::toString));
        progress.firstOffsets(layer.inputTopics(settings))
                .forEach(
                        (tp, offset) -> {
                            if (offset > 0) {
                                lost.put(tp, offset);
                            }
                        });
        if (lost.isEmpty()) {
            return Optional.empty();
        }
        String table = layer.bronzeTable(settings).get();
        out.printf(
                "  Kafka no longer holds the beginning (%s): reading Bronze's Iceberg table %s"
                        + " instead%n",
                lost.entrySet().stream()
                        .map(e -> e.getKey() + " starts at " + e.getValue())
                        .collect(Collectors.joining(", ")),
                table);
        return Optional.of(table);
    }

    /**
     * Makes Bronze's table and the Silver input stand still at the same point: stops bronze-ingest
     * with a savepoint (its last Iceberg commit and its last transactions on the topics), lets the
     * live Silver job read the topics to their end, then stops it too. The table then holds exactly
     * the events the live Silver job has read.
     */
    private void stopBronzeAndDrain(
            ReplayProgress progress,
            FlinkRest.Job live,
            Map<String, String> stopped,
            Duration timeout) {
        Optional<FlinkRest.Job> bronze = rest.running(ReplayLayer.BRONZE_JOB);
        if (bronze.isPresent()) {
            stop(bronze.get(), stopped);
        }
        Map<TopicPartition, Long> end = progress.afterLastRecord(layer.inputTopics(settings));
        Map<TopicPartition, Long> first = progress.firstOffsets(layer.inputTopics(settings));
        String group = layer.liveGroup(settings);
        out.printf("  letting %s read Bronze's topics to their end%n", layer.job());
        long deadline = System.nanoTime() + timeout.toNanos();
        while (ReplayProgress.remaining(end, first, progress.committed(group)) > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        layer.job()
                                + " did not read Bronze's topics to their end within "
                                + timeout);
            }
            sleep(Duration.ofSeconds(1));
        }
        stop(live, stopped);
    }

    private void stop(FlinkRest.Job job, Map<String, String> stopped) {
        out.printf("replay %s: stopping %s with a savepoint%n", layer, job.name());
        String savepoint = rest.stopWithSavepoint(job.id(), SAVEPOINT_TIMEOUT);
        stopped.put(job.name(), savepoint);
        out.printf("  savepoint %s%n", savepoint);
    }

    /**
     * Lets a replay that has read its input release what it holds back ({@link
     * ReplayLayer#settle}).
     */
    private void settle(String replayJob) {
        Duration settle = layer.settle(settings);
        if (settle.isZero()) {
            return;
        }
        out.printf(
                "  letting %s release what it holds for quiet inputs (%d s)%n",
                layer.job(), settle.toSeconds());
        long deadline = System.nanoTime() + settle.toNanos();
        while (System.nanoTime() < deadline) {
            String state = rest.state(replayJob).orElse("UNKNOWN");
            if (!state.equals("RUNNING")) {
                throw new IllegalStateException("The replay job is " + state + ", not RUNNING");
            }
            sleep(Duration.ofSeconds(1));
        }
    }

    /** The rows of {@code table} at {@code snapshot}, of {@code tenant} only when not null. */
    private static long rows(Table table, long snapshot, String tenant) {
        var scan = table.newScan().useSnapshot(snapshot);
        if (tenant != null) {
            scan = scan.filter(Expressions.equal("tenant_id", tenant));
        }
        long rows = 0;
        try (CloseableIterable<FileScanTask> tasks = scan.planFiles()) {
            for (FileScanTask task : tasks) {
                rows += task.file().recordCount();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not plan the files of " + table, e);
        }
        return rows;
    }

    /**
     * Until the replay's Bronze-table source has read its snapshot (its vertex FINISHED), showing
     * the events it has sent on out of the rows to read.
     */
    private void awaitTableRead(String replayJob, long total, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long lastPrint = 0;
        while (true) {
            String state = rest.state(replayJob).orElse("UNKNOWN");
            if (!state.equals("RUNNING")) {
                throw new IllegalStateException("The replay job is " + state + ", not RUNNING");
            }
            Optional<FlinkRest.Vertex> source =
                    rest.vertices(replayJob).stream()
                            .filter(v -> v.name().contains(SourceNames.BRONZE_TABLE))
                            .findFirst();
            if (source.isPresent() && source.get().status().equals("FINISHED")) {
                out.printf("  %,d rows read (all of the snapshot)%n", total);
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "The replay did not read the Bronze table within " + timeout);
            }
            if (System.nanoTime() - lastPrint > Duration.ofSeconds(5).toNanos()) {
                long done = source.map(FlinkRest.Vertex::recordsOut).orElse(0L);
                out.printf(
                        "  %,d / %,d rows (%d%%)%n",
                        done, total, total == 0 ? 100 : Math.min(100, done * 100 / total));
                lastPrint = System.nanoTime();
            }
            sleep(Duration.ofSeconds(1));
        }
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

    /**
     * Where a table's rows name their tenant: {@code meta.tenant_id} (Silver), {@code tenant_id}
     * (the others); null for a table without either (a Data Vault satellite, whose hub says).
     */
    static String tenantColumn(Table table) {
        for (String column : List.of("meta.tenant_id", "tenant_id")) {
            if (table.schema().findField(column) != null) {
                return column;
            }
        }
        return null;
    }

    private void submit(String jobName, Map<String, String> extra, String savepoint) {
        JobCatalog.Job job = JobCatalog.job(jobName);
        List<String> args =
                new ArrayList<>(jobs.runArguments(job, configFile, ReplayLayer.arguments(extra)));
        if (savepoint != null) {
            // flink run -d -s <savepoint> ...: options before the jar.
            args.addAll(2, List.of("-s", savepoint));
        }
        int rc = cli.run(args);
        if (rc != 0) {
            throw new IllegalStateException(
                    "flink run of " + jobName + " failed (exit " + rc + ")");
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
