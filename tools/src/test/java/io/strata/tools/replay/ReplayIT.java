package io.strata.tools.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.common.checksum.ChecksumLayer;
import io.strata.common.checksum.TableChecksum;
import io.strata.common.checksum.TableChecksums;
import io.strata.common.checksum.TableVersion;
import io.strata.common.flink.JobConfig;
import io.strata.common.iceberg.IcebergCatalogs;
import io.strata.common.kafka.StartFrom;
import io.strata.tools.stack.FlinkCli;
import io.strata.tools.stack.FlinkRest;
import io.strata.tools.stack.JobCatalog;
import io.strata.tools.stack.JobsConfig;
import io.strata.tools.stack.LocalStack;
import io.strata.tools.stack.StackOptions;
import io.strata.tools.stack.TestStackHomes;
import io.strata.tools.summary.IcebergCounts;
import io.strata.tools.upgrade.GoldUpgrade;
import io.strata.tools.upgrade.SilverUpgrade;
import io.strata.tools.workload.StackWorkload;
import io.strata.workload.Workload;
import io.strata.workload.WorkloadParams;
import io.strata.workload.oracle.Expectation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.apache.flink.configuration.Configuration;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.SnapshotRef;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code ./strata replay} on a real local stack: bronze-ingest, silver-conform and gold-features
 * turn a generated workload into Silver and Gold. Then, in order: Silver is replayed from the
 * earliest offsets (the rebuilt tables must equal the live ones, table by table and tenant by
 * tenant, without the columns a replay legitimately changes); with the first half of every Bronze
 * topic partition deleted (retention), Silver is replayed for one tenant from Bronze's Iceberg
 * table, bronze-ingest stopped meanwhile (the other tenants' data files must be the very same
 * ones); Gold is replayed from the earliest offsets (every table equal, tenant by tenant). The live
 * jobs run again after each replay. Last, on the same stack, silver-conform and gold-features are
 * upgraded to their v2s with {@code ./strata upgrade} ({@link SilverUpgrade}, {@link GoldUpgrade}):
 * their state types gain a field, and what v1 kept carries on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplayIT {

    private LocalStack stack;
    private Path stateDir;
    private Path configFile;
    private Map<String, String> settings;
    private Catalog catalog;

    @BeforeAll
    void startTheStackAndBuildSilver() throws IOException {
        stateDir = Files.createTempDirectory(Path.of("target"), "replay-it-").toAbsolutePath();
        stack =
                new LocalStack(
                        TestStackHomes.withFreePorts(
                                stateDir,
                                Map.of(
                                        StackOptions.FLINK_TASKMANAGER_MEMORY.key(), "3072m",
                                        StackOptions.FLINK_TASKMANAGER_METASPACE.key(), "640m",
                                        StackOptions.FLINK_TASK_SLOTS.key(), "8")));
        ByteArrayOutputStream up = new ByteArrayOutputStream();
        assertThat(stack.up(new PrintStream(up, true, StandardCharsets.UTF_8)))
                .as(up.toString(StandardCharsets.UTF_8))
                .isTrue();
        configFile = new JobsConfig(stack.home()).path();
        settings = JobConfig.readFile(configFile);
        catalog = IcebergCatalogs.load(Configuration.fromMap(settings));

        submit("bronze-ingest");
        submit("silver-conform");
        submit("gold-features");
        Workload workload = Workload.of(WorkloadParams.builder().seed(11).events(1_500).build());
        Expectation expected =
                new StackWorkload(stack, new PrintStream(new ByteArrayOutputStream()))
                        .run(workload, true, false, false)
                        .orElseThrow();
        Map<String, Long> bronzeRows = new TreeMap<>();
        expected.bronze().forEach((tenant, c) -> bronzeRows.put(tenant, c.accepted()));
        bronzeRows.values().removeIf(n -> n == 0);
        IcebergCounts counts = new IcebergCounts(catalog);
        await(
                () ->
                        counts.countBy("bronze.events", "tenant_id")
                                .orElse(Map.of())
                                .equals(bronzeRows),
                Duration.ofMinutes(2));
        awaitCaughtUp(ReplayLayer.SILVER);
        awaitCaughtUp(ReplayLayer.GOLD);
    }

    @AfterAll
    void stopTheStack() {
        if (stack != null) {
            stack.down(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        }
    }

    @Test
    @Order(1)
    void aReplayFromTheEarliestOffsetsRebuildsSilverExactly() {
        Map<String, TableChecksum> before = checksums(null);
        assertThat(before.get("silver.order").total().rows()).isPositive();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<TableIdentifier> rebuilt =
                replay(out)
                        .run("it1", new ReplayPosition(StartFrom.EARLIEST, null), null, timeout());

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed)
                .contains("live (main) against rebuilt (replay_it1)")
                .contains("published: main of " + rebuilt.size() + " tables in silver");
        assertThat(rebuilt).extracting(TableIdentifier::toString).contains("silver.order");
        assertReproduced(checksums(null), before, printed);
        assertThat(branches()).as("no replay branch left").containsOnly(SnapshotRef.MAIN_BRANCH);
        assertThat(new FlinkRest(stack.home()).running("silver-conform")).isPresent();
    }

    @Test
    @Order(2)
    void withKafkasBeginningGoneATenantReplayReadsBronzesTableAndRewritesOnlyThatTenantsFiles()
            throws Exception {
        Map<String, Set<String>> otherFiles = dataFiles("acme", false);
        assertThat(otherFiles.get("silver.order")).isNotEmpty();
        Map<String, TableChecksum> before = checksums(null);
        // Retention, by hand: the first half of every Bronze events partition is deleted.
        try (Admin admin =
                Admin.create(
                        Map.of(
                                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                                settings.get("strata.kafka.bootstrap-servers")))) {
            Map<TopicPartition, RecordsToDelete> half = new HashMap<>();
            try (ReplayProgress progress = new ReplayProgress(Configuration.fromMap(settings))) {
                progress.endOffsets(Pattern.compile(Pattern.quote("bronze.events")))
                        .forEach((tp, end) -> half.put(tp, RecordsToDelete.beforeOffset(end / 2)));
            }
            assertThat(half).isNotEmpty();
            admin.deleteRecords(half).all().get();
        }

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        replay(out).run("it2", new ReplayPosition(StartFrom.EARLIEST, null), "acme", timeout());

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed)
                .contains("Kafka no longer holds the beginning (bronze.events-")
                .contains("reading bronze.events at snapshot")
                .contains("rows of tenant acme")
                .contains("stopping bronze-ingest with a savepoint")
                .contains("(tenant acme)")
                .contains("live (main) against rebuilt (replay_it2)")
                .contains("resuming bronze-ingest from");
        assertThat(dataFiles("acme", false))
                .as("the other tenants' data files are the very same")
                .isEqualTo(otherFiles);
        assertReproduced(checksums(null), before, printed);
        FlinkRest rest = new FlinkRest(stack.home());
        assertThat(rest.running("silver-conform")).isPresent();
        assertThat(rest.running("bronze-ingest")).isPresent();
    }

    @Test
    @Order(3)
    void aReplayOfGoldFromTheEarliestOffsetsRebuildsGoldExactly() {
        awaitCaughtUp(ReplayLayer.GOLD);
        Map<String, TableChecksum> before = checksums("gold", null);
        assertThat(before.get("gold.hub_customer").tenants()).containsKeys("acme", "globex");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        replay(ReplayLayer.GOLD, out)
                .run("it3", new ReplayPosition(StartFrom.EARLIEST, null), null, timeout());

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed)
                .contains("live (main) against rebuilt (replay_it3)")
                .contains("published: main of " + before.size() + " tables in gold");
        Map<String, TableChecksum> after = checksums("gold", null);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        for (String table : before.keySet()) {
            assertThat(after.get(table).tenants())
                    .as(table + "\n" + printed)
                    .isEqualTo(before.get(table).tenants());
        }
        assertThat(new FlinkRest(stack.home()).running("gold-features")).isPresent();
    }

    @Test
    @Order(4)
    void silverConformUpgradedToItsV2KeepsTheHashDiffsOfV1() {
        new SilverUpgrade(stack, catalog).toV2KeepsTheHashDiffsAndNamesThePreviousOne(stateDir);
    }

    @Test
    @Order(5)
    void goldFeaturesUpgradedToItsV2ContinuesTheFeaturesOfV1() {
        awaitCaughtUp(ReplayLayer.GOLD);
        new GoldUpgrade(stack, catalog).toV2ContinuesTheFeaturesAndFillsTheNewColumn(stateDir);
    }

    /** Transactional tables equal checksum for checksum, master data row count for row count. */
    private static void assertReproduced(
            Map<String, TableChecksum> after, Map<String, TableChecksum> before, String printed) {
        assertThat(after.keySet()).isEqualTo(before.keySet());
        for (String table :
                List.of(
                        "silver.order",
                        "silver.order_line",
                        "silver.invoice",
                        "silver.shipment",
                        "silver.support_ticket")) {
            assertThat(after.get(table).tenants())
                    .as(table + "\n" + printed)
                    .isEqualTo(before.get(table).tenants());
        }
        for (String table : List.of("silver.customer", "silver.product")) {
            Map<String, Long> rowsAfter = new TreeMap<>();
            Map<String, Long> rowsBefore = new TreeMap<>();
            after.get(table).tenants().forEach((t, c) -> rowsAfter.put(t, c.rows()));
            before.get(table).tenants().forEach((t, c) -> rowsBefore.put(t, c.rows()));
            assertThat(rowsAfter).as(table + "\n" + printed).isEqualTo(rowsBefore);
        }
    }

    private Replay replay(ByteArrayOutputStream out) {
        return replay(ReplayLayer.SILVER, out);
    }

    private Replay replay(ReplayLayer layer, ByteArrayOutputStream out) {
        return new Replay(
                layer,
                settings,
                configFile,
                catalog,
                new FlinkRest(stack.home()),
                new FlinkCli(stack.home()),
                new JobCatalog(stack.home()),
                new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    /** The live Silver tables' checksums, by table. */
    private Map<String, TableChecksum> checksums(String tenant) {
        return checksums("silver", tenant);
    }

    /** The live checksums of a layer's tables, by table. */
    private Map<String, TableChecksum> checksums(String layer, String tenant) {
        TableChecksums sums = new TableChecksums(catalog);
        Map<String, TableChecksum> all = new TreeMap<>();
        for (TableIdentifier t : catalog.listTables(Namespace.of(layer))) {
            all.put(
                    t.toString(),
                    sums.compute(
                            t,
                            TableVersion.current(),
                            ChecksumLayer.of(layer).orElseThrow().excludedPaths(),
                            tenant));
        }
        return all;
    }

    /** Per table, the data files of {@code tenant}'s partition (or of every other one). */
    private Map<String, Set<String>> dataFiles(String tenant, boolean ofTenant) {
        Map<String, Set<String>> files = new TreeMap<>();
        for (TableIdentifier t : catalog.listTables(Namespace.of("silver"))) {
            Table table = catalog.loadTable(t);
            if (table.spec().fields().isEmpty()
                    || !table.spec().fields().get(0).name().equals("tenant_id")) {
                continue;
            }
            Set<String> paths = new TreeSet<>();
            try (CloseableIterable<FileScanTask> tasks = table.newScan().planFiles()) {
                for (FileScanTask task : tasks) {
                    boolean its = tenant.equals(task.file().partition().get(0, String.class));
                    if (its == ofTenant) {
                        paths.add(task.file().location());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            files.put(t.toString(), paths);
        }
        return files;
    }

    private Set<String> branches() {
        Set<String> refs = new TreeSet<>();
        for (TableIdentifier t : catalog.listTables(Namespace.of("silver"))) {
            refs.addAll(catalog.loadTable(t).refs().keySet());
        }
        return refs;
    }

    private void submit(String job) {
        int rc =
                new FlinkCli(stack.home())
                        .run(
                                new JobCatalog(stack.home())
                                        .runArguments(
                                                JobCatalog.job(job),
                                                configFile,
                                                List.of("--strata.checkpoint.interval", "2s")));
        assertThat(rc).isZero();
        FlinkRest rest = new FlinkRest(stack.home());
        await(() -> rest.running(job).isPresent(), Duration.ofMinutes(1));
    }

    /** Until the layer's live job committed all of its input: the layer holds all upstream. */
    private void awaitCaughtUp(ReplayLayer layer) {
        try (ReplayProgress progress = new ReplayProgress(Configuration.fromMap(settings))) {
            var topics = layer.inputTopics(settings);
            var first = progress.firstOffsets(topics);
            await(
                    () ->
                            ReplayProgress.remaining(
                                            progress.afterLastRecord(topics),
                                            first,
                                            progress.committed(layer.liveGroup(settings)))
                                    == 0,
                    Duration.ofMinutes(3));
        }
    }

    private static Duration timeout() {
        return Duration.ofMinutes(5);
    }

    private static void await(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not reached within " + timeout);
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
