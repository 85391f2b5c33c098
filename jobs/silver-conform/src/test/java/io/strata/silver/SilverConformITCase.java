package io.strata.silver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.strata.common.config.StrataOptions;
import io.strata.common.flink.StrataEnvironment;
import io.strata.common.iceberg.IcebergCatalogs;
import io.strata.common.manifest.Manifests;
import io.strata.common.serde.ConfluentAvroDeserializer;
import io.strata.common.serde.RegistryClientConfig;
import io.strata.model.Layer;
import io.strata.model.QuarantineReason;
import io.strata.model.bronze.BronzeEvent;
import io.strata.model.ops.ManifestRecord;
import io.strata.silver.bronzetable.BronzeTableInput;
import io.strata.silver.config.CanonicalEntity;
import io.strata.silver.config.TenantConfig;
import io.strata.silver.config.TenantConfigs;
import io.strata.silver.reprocess.QuarantineReprocessor;
import io.strata.silver.tenants.Hooli;
import io.strata.silver.testing.BronzeEvents;
import io.strata.silver.testing.BronzeIcebergTable;
import io.strata.silver.testing.TenantFiles;
import io.strata.testing.FlinkMiniCluster;
import io.strata.testing.TestServices;
import io.strata.testing.TopicReader;
import io.strata.workload.Workload;
import io.strata.workload.WorkloadOptions;
import io.strata.workload.WorkloadParams;
import io.strata.workload.oracle.Expectation;
import io.strata.workload.oracle.Oracle;
import io.strata.workload.raw.RawRecord;
import io.strata.workload.raw.RawStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.Record;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One running silver-conform job on the MiniCluster, fed through its real Kafka sources: a
 * generated workload's Bronze events (three configured tenants, one unknown, Tier-1 faults,
 * updates, deletes and disorder) and a few poison records. Then, in order: Silver equals the
 * oracle; the manifest counts every Bronze event once, with lineage to Bronze, and every row names
 * the manifest record that counted its event; master data is written only when it changes; a tenant
 * published while the job runs conforms without a restart; after a stop with savepoint and a
 * restart from it, the same Bronze stream fed again leaves Silver unchanged.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SilverConformITCase {

    @RegisterExtension static final MiniClusterExtension FLINK = FlinkMiniCluster.extension();

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final Instant MONDAY_9AM = Instant.parse("2024-03-04T09:00:00Z");
    private static final List<String> WORKLOAD_TENANTS = List.of("acme", "globex", "initech");
    private static final int POISON_RECORDS = 3;

    private final String name = "sc" + Long.toString(System.nanoTime(), 36);
    private final List<BronzeEvent> bronze = new ArrayList<>();
    private Expectation expected;
    private BronzeTopics topics;
    private Configuration config;
    private JobClient job;

    @BeforeAll
    void startTheJobOverAGeneratedWorkload() throws Exception {
        WorkloadParams params =
                WorkloadParams.builder()
                        .seed(7)
                        .events(1_000)
                        .set(WorkloadOptions.CUSTOMERS, 100)
                        .set(WorkloadOptions.PRODUCTS, 40)
                        .set(WorkloadOptions.FLOW_TIME_SCALE, 0.005)
                        .set(WorkloadOptions.MALFORMED_RATE, 0.06)
                        .set(WorkloadOptions.MAX_RECORD_BYTES, 8_192)
                        .build();
        Oracle oracle = new Oracle(Workload.of(params).oracleOptions());
        for (RawStream records = new RawStream(params); records.hasNext(); ) {
            RawRecord r = records.next();
            if (oracle.accept(r).acceptedInBronze()) {
                BronzeEvent e = BronzeEvents.fromRaw(r);
                // As bronze-ingest stamps them: the Bronze manifest record counting the event.
                e.setManifestId(
                        "BRONZE/"
                                + e.getTenantId()
                                + "/raw.webhooks/bronze-ingest:"
                                + (1 + bronze.size() / 250));
                bronze.add(e);
            }
        }
        expected = oracle.result();

        topics = new BronzeTopics(TestServices.kafka(), TestServices.registry().url(), name);
        topics.send(bronze);
        topics.sendPoison("acme|p-1", new byte[] {0, 0, 0, 0, 1, 2});
        topics.sendPoison("acme|p-2", "not avro".getBytes(StandardCharsets.UTF_8));
        topics.sendPoison(null, new byte[] {0, 0, 0, 0x7f, 0x7f, 9, 9});

        config = config();
        job = start(config);
    }

    /** The production graph over the test's topics, parallelism 1 (the machine has 2 cores). */
    private JobClient start(Configuration jobConfig) throws Exception {
        StreamExecutionEnvironment env = StrataEnvironment.create(jobConfig);
        env.setParallelism(1);
        new SilverConformTopology(
                        jobConfig,
                        SilverConformJob.bronzeSource(jobConfig),
                        SilverConformJob.tenantSource(jobConfig),
                        SilverConformJob.controlSource(jobConfig),
                        SilverConformJob.startupConfigs(jobConfig),
                        SilverConformJob.sinks(jobConfig))
                .build(env);
        return env.executeAsync("silver-conform-" + name);
    }

    @AfterAll
    void stop() throws Exception {
        if (job != null) {
            job.cancel().get();
        }
        if (topics != null) {
            topics.close();
        }
    }

    @Test
    @Order(1)
    void silverEqualsTheOracleAndRefusalsMatchByTenantAndReason() throws Exception {
        long refusals =
                expected.silverQuarantine().values().stream()
                        .flatMap(m -> m.values().stream())
                        .mapToLong(Long::longValue)
                        .sum();
        // Cheap waits first: reading every table competes with the job for the CPU.
        await(() -> TestServices.kafka().committedOffsets(name) >= bronze.size() + POISON_RECORDS);
        await(() -> SilverContent.quarantine(config).size() >= refusals + POISON_RECORDS);
        await(() -> matchesTheOracle(SilverContent.read(config)));

        SilverContent silver = SilverContent.read(config);
        for (CanonicalEntity e : CanonicalEntity.values()) {
            assertThat(silver.oracleRows(e, WORKLOAD_TENANTS))
                    .as(e.entityName())
                    .containsExactlyInAnyOrderElementsOf(
                            List.copyOf(SilverContent.expected(expected.silver(), e)));
        }
        assertThat(expected.silver().counts().values()).allSatisfy(n -> assertThat(n).isPositive());
        assertThat(silver.refusals()).isEqualTo(expected.silverQuarantine());
        assertThat(silver.quarantined(QuarantineReason.POISON_AVRO)).hasSize(POISON_RECORDS);
        assertEveryRowCarriesItsTenantsConfigVersion(silver);
        assertRefusalsCarryTheirBronzeReference(silver);
    }

    @Test
    @Order(2)
    void theManifestCountsEveryBronzeEventOnceWithLineageToBronze() throws Exception {
        Map<String, Long> events = new TreeMap<>();
        Map<String, Set<String>> parents = new TreeMap<>();
        for (BronzeEvent e : bronze) {
            events.merge(e.getTenantId(), 1L, Long::sum);
            parents.computeIfAbsent(e.getTenantId(), t -> new TreeSet<>()).add(e.getManifestId());
        }
        events.merge("acme", 2L, Long::sum); // the poison records keyed acme|p-1, acme|p-2
        events.merge(Manifests.UNATTRIBUTED, 1L, Long::sum); // and the one without a key

        Map<String, Long> counted = new TreeMap<>();
        Map<String, Set<String>> lineage = new TreeMap<>();
        await(
                () -> {
                    counted.clear();
                    lineage.clear();
                    for (ManifestRecord m : manifest()) {
                        counted.merge(
                                m.getTenantId(),
                                m.getRecordCount() + m.getQualityChecks().getQuarantineCount(),
                                Long::sum);
                        if (!m.getLineage().isEmpty()) {
                            lineage.computeIfAbsent(m.getTenantId(), t -> new TreeSet<>())
                                    .addAll(m.getLineage());
                        }
                    }
                    return counted.equals(events);
                });
        assertThat(counted).isEqualTo(events);
        assertThat(lineage).isEqualTo(parents);
        assertThat(manifest())
                .allSatisfy(
                        m -> {
                            assertThat(m.getLayer()).isEqualTo(Layer.SILVER);
                            assertThat(m.getManifestId())
                                    .startsWith("SILVER/" + m.getTenantId() + "/")
                                    .endsWith("/silver-conform:" + m.getBatchId().split(":")[1]);
                        });
        assertEveryRowNamesTheManifestRecordThatCountedItsEvent();
    }

    /**
     * Each Silver row's {@code meta.manifest_id} is the id of a SILVER manifest record of its
     * tenant and Bronze source topic whose offset range holds the row's Bronze record: the window
     * its event was tallied in.
     */
    private void assertEveryRowNamesTheManifestRecordThatCountedItsEvent() {
        Map<String, ManifestRecord> byId =
                manifest().stream()
                        .collect(Collectors.toMap(ManifestRecord::getManifestId, m -> m));
        SilverContent silver = SilverContent.read(config);
        assertThat(silver.tables.values())
                .flatMap(rows -> rows)
                .isNotEmpty()
                .allSatisfy(
                        r -> {
                            Record meta = SilverContent.meta(r);
                            String[] position =
                                    ((String) meta.getField("source_position")).split("/");
                            ManifestRecord counted =
                                    byId.get((String) meta.getField("manifest_id"));
                            assertThat(counted).as("%s", meta).isNotNull();
                            assertThat(counted.getTenantId()).isEqualTo(SilverContent.tenant(r));
                            assertThat(counted.getSourceSystem()).isEqualTo(position[0]);
                            assertThat(counted.getKafkaOffsets())
                                    .as("%s", meta)
                                    .anySatisfy(
                                            o -> {
                                                assertThat(o.getPartition())
                                                        .isEqualTo(Integer.parseInt(position[1]));
                                                assertThat(Long.parseLong(position[2]))
                                                        .isBetween(
                                                                o.getStartOffset(),
                                                                o.getEndOffset());
                                            });
                        });
    }

    private List<ManifestRecord> manifest() {
        ConfluentAvroDeserializer<ManifestRecord> values =
                new ConfluentAvroDeserializer<>(
                        ManifestRecord.class,
                        RegistryClientConfig.of(TestServices.registry().url()));
        return TopicReader.readAll(
                        bootstrapServers(),
                        config.get(StrataOptions.MANIFEST_TOPIC),
                        values::deserialize)
                .stream()
                .map(TopicReader.Keyed::value)
                .toList();
    }

    @Test
    @Order(2)
    void masterDataIsWrittenOnlyWhenItChanges() throws Exception {
        long copies = masterCopies();
        long live = expected.silver().customers().size() + expected.silver().products().size();
        String prefix = config.get(SilverConformOptions.TOPIC_PREFIX);
        long[] written = new long[1];
        await(
                () -> {
                    written[0] =
                            TopicReader.count(bootstrapServers(), prefix + "customer")
                                    + TopicReader.count(bootstrapServers(), prefix + "product");
                    return written[0] >= live;
                });

        System.out.printf(
                "Master data: %d embedded copies, %d rows written (%.1f copies per row), %d"
                        + " live%n",
                copies, written[0], (double) copies / written[0], live);
        assertThat(written[0]).isGreaterThanOrEqualTo(live).isLessThan(copies / 2);
        assertThat(TopicReader.count(bootstrapServers(), prefix + "order"))
                .isGreaterThanOrEqualTo(expected.silver().orders().size());
    }

    @Test
    @Order(3)
    void aTenantPublishedWhileTheJobRunsConformsWithoutARestart() throws Exception {
        topics.send(
                List.of(
                        Hooli.purchase("P-1", "gavin", MONDAY_9AM, 900_001),
                        Hooli.purchase("P-2", "gavin", MONDAY_9AM.plusSeconds(60), 900_002),
                        Hooli.cancel("P-2", MONDAY_9AM.plusSeconds(120), 900_003)));
        topics.publish(Hooli.TENANT, Hooli.YAML);

        await(() -> hooliKeys(CanonicalEntity.ORDER).equals(List.of("P-1")));
        SilverContent silver = SilverContent.read(config);
        assertThat(keys(silver, CanonicalEntity.ORDER_LINE, Hooli.TENANT))
                .containsExactlyInAnyOrder("P-1/1", "P-1/2");
        assertThat(keys(silver, CanonicalEntity.CUSTOMER, Hooli.TENANT)).containsExactly("gavin");
        assertThat(keys(silver, CanonicalEntity.PRODUCT, Hooli.TENANT))
                .containsExactlyInAnyOrder("box-3", "pin-1");
        assertThat(silver.tables.values())
                .flatMap(rows -> rows)
                .filteredOn(r -> SilverContent.tenant(r).equals(Hooli.TENANT))
                .allSatisfy(
                        r ->
                                assertThat(SilverContent.meta(r).getField("config_version"))
                                        .isEqualTo(Hooli.VERSION));
        assertThat(silver.refusals()).doesNotContainKey(Hooli.TENANT);
    }

    @Test
    @Order(4)
    void afterARestartFromASavepointTheSameBronzeStreamLeavesSilverUnchanged() throws Exception {
        String savepoint =
                job.stopWithSavepoint(
                                false,
                                TestServices.dir("savepoints-" + name).toUri().toString(),
                                SavepointFormatType.CANONICAL)
                        .get();
        SilverContent before = SilverContent.read(config);
        Configuration restored = new Configuration(config);
        restored.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
        job = start(restored);

        topics.send(bronze);
        topics.send(List.of(Hooli.purchase("P-9", "gavin", MONDAY_9AM.plusSeconds(600), 900_009)));
        await(() -> hooliKeys(CanonicalEntity.ORDER).contains("P-9"));

        // Every row as it was, lineage and processing time included: the restored versions and
        // hash diffs made every re-read record a no-op.
        SilverContent after = SilverContent.read(config);
        for (CanonicalEntity e : CanonicalEntity.values()) {
            assertThat(withoutPurchase(after.tables.get(e), "P-9"))
                    .as(e.entityName())
                    .containsExactlyInAnyOrderElementsOf(before.tables.get(e));
        }
        assertThat(hooliKeys(CanonicalEntity.ORDER_LINE)).contains("P-9/1", "P-9/2");
    }

    @Test
    @Order(5)
    void refusedEventsAreReprocessedOnceAfterTheConfigurationIsFixed() throws Exception {
        // Schema version 8 is unknown to hooli's configuration: refused, with its Bronze reference.
        BronzeEvent unknown = Hooli.purchase("8", "P-20", "gavin", MONDAY_9AM, 900_020);
        topics.send(List.of(unknown));
        BronzeIcebergTable.append(
                IcebergCatalogs.load(config),
                TableIdentifier.parse("bronze.events"),
                List.of(unknown));
        await(() -> hooliRefusals().contains("h-900020:UNKNOWN_SCHEMA_VERSION"));
        assertThat(hooliRefusals()).containsExactly("h-900020:UNKNOWN_SCHEMA_VERSION");

        // The fix: version 8 read like version 7; a fresh version-8 purchase shows it is in force.
        String fixed = Hooli.withVersionLike7("8");
        topics.publish(Hooli.TENANT, fixed);
        topics.send(List.of(Hooli.purchase("8", "P-21", "gavin", MONDAY_9AM, 900_021)));
        await(() -> hooliKeys(CanonicalEntity.ORDER).contains("P-21"));
        String version = TenantConfigs.parse("fixed", fixed).orThrow().get(0).configVersion();

        QuarantineReprocessor reprocessor = new QuarantineReprocessor(config);
        QuarantineReprocessor.Report report = reprocessor.run(Hooli.TENANT, false);
        assertThat(report.configVersion()).isEqualTo(version);
        assertThat(report.sent())
                .containsExactly(entry(QuarantineReason.UNKNOWN_SCHEMA_VERSION, 1L));
        await(() -> hooliKeys(CanonicalEntity.ORDER).contains("P-20"));
        assertThat(hooliKeys(CanonicalEntity.ORDER)).contains("P-20", "P-21");
        assertThat(hooliRefusals()).as("conformed, not refused again").hasSize(1);

        QuarantineReprocessor.Report again = reprocessor.run(Hooli.TENANT, false);
        assertThat(again.sentTotal()).as("sent once per configuration version").isZero();
        assertThat(again.alreadySent()).isEqualTo(1);
    }

    @Test
    @Order(6)
    void readFromBronzesIcebergTableSilverEqualsTheOracleAsFromTheTopic() throws Exception {
        // The table's files are in no time order: the later half is committed first.
        Catalog catalog = IcebergCatalogs.load(config);
        TableIdentifier kept = TableIdentifier.parse("bronze.events_kept");
        int half = bronze.size() / 2;
        BronzeIcebergTable.append(catalog, kept, bronze.subList(half, bronze.size()));
        BronzeIcebergTable.append(catalog, kept, bronze.subList(0, half));
        long snapshot = catalog.loadTable(kept).currentSnapshot().snapshotId();
        // Committed after the snapshot: not read.
        BronzeIcebergTable.append(
                catalog, kept, List.of(Hooli.purchase("7", "P-40", "gavin", MONDAY_9AM, 900_040)));

        Configuration fromTable = new Configuration(config);
        fromTable.set(SilverConformOptions.REPROCESS_BRONZE_TABLE, kept.toString());
        fromTable.set(SilverConformOptions.BRONZE_TABLE_SNAPSHOT, snapshot);
        fromTable.set(SilverConformOptions.ICEBERG_NAMESPACE, "silver_kept");
        fromTable.set(SilverConformOptions.ICEBERG_QUARANTINE_TABLE, "silver_kept.quarantine");
        fromTable.set(SilverConformOptions.KAFKA_OUTPUT_ENABLED, false);
        fromTable.set(SilverConformOptions.GROUP_ID, name + "-kept");
        fromTable.set(StrataOptions.MANIFEST_TOPIC, "ops.manifest." + name + ".kept");
        StreamExecutionEnvironment env = StrataEnvironment.create(fromTable);
        env.setParallelism(1);
        new SilverConformTopology(
                        fromTable,
                        SilverConformJob.bronzeSource(fromTable),
                        SilverConformJob.tenantSource(fromTable),
                        SilverConformJob.controlSource(fromTable),
                        SilverConformJob.startupConfigs(fromTable),
                        SilverConformJob.sinks(fromTable))
                .withBronzeTable(BronzeTableInput.of(fromTable).orElseThrow())
                .build(env);
        JobClient fromTableJob = env.executeAsync("silver-conform-kept-" + name);
        try {
            await(() -> matchesTheOracle(SilverContent.read(fromTable)));
            SilverContent silver = SilverContent.read(fromTable);
            for (CanonicalEntity e : CanonicalEntity.values()) {
                assertThat(silver.oracleRows(e, WORKLOAD_TENANTS))
                        .as(e.entityName())
                        .containsExactlyInAnyOrderElementsOf(
                                List.copyOf(SilverContent.expected(expected.silver(), e)));
            }
            assertThat(silver.refusals()).isEqualTo(expected.silverQuarantine());
            assertThat(silver.quarantined(QuarantineReason.POISON_AVRO)).isEmpty();
            assertThat(
                            SilverContent.read(fromTable, CanonicalEntity.ORDER).stream()
                                    .map(r -> fieldOrNull(r, "order_key")))
                    .as("the event committed after the snapshot")
                    .doesNotContain("P-40");
        } finally {
            fromTableJob.cancel().get();
        }
    }

    private List<String> hooliRefusals() {
        return SilverContent.quarantine(config).stream()
                .filter(q -> Hooli.TENANT.equals(q.getField("tenant_id")))
                .map(q -> q.getField("event_id") + ":" + q.getField("reason"))
                .toList();
    }

    /** The master-data rows embedded in the accepted events, as the extractor finds them. */
    private long masterCopies() {
        var extractor = TenantFiles.extractor();
        long copies = 0;
        for (BronzeEvent e : bronze) {
            if (extractor.extract(e, BronzeEvents.PROCESSED_AT)
                    instanceof io.strata.silver.extract.Extraction.Rows rows) {
                copies += rows.rows().stream().filter(r -> r.master() && !r.deleted()).count();
            }
        }
        return copies;
    }

    private static String bootstrapServers() {
        return TestServices.kafka().bootstrapServers();
    }

    private Configuration config() {
        Configuration c = topics.jobConfig();
        c.set(SilverConformOptions.TENANTS_DIRECTORY, TenantFiles.DIR.toString());
        c.set(SilverConformOptions.UNKNOWN_TENANT_GRACE, Duration.ofSeconds(5));
        // Bounds a stalled transactional producer after the restart (see KafkaBronzeSinks).
        c.setString("strata.kafka.client.delivery.timeout.ms", "20000");
        c.setString("strata.kafka.client.request.timeout.ms", "10000");
        return c;
    }

    private boolean matchesTheOracle(SilverContent silver) {
        for (CanonicalEntity e : CanonicalEntity.values()) {
            List<Object> actual = silver.oracleRows(e, WORKLOAD_TENANTS);
            List<?> want = SilverContent.expected(expected.silver(), e);
            if (actual.size() != want.size() || !actual.containsAll(want)) {
                return false;
            }
        }
        return silver.refusals().equals(expected.silverQuarantine());
    }

    private static void assertEveryRowCarriesItsTenantsConfigVersion(SilverContent silver) {
        Map<String, String> versions =
                TenantFiles.all().stream()
                        .collect(
                                Collectors.toMap(
                                        TenantConfig::tenant, TenantConfig::configVersion));
        assertThat(silver.tables.values())
                .flatMap(rows -> rows)
                .allSatisfy(
                        r -> {
                            Record meta = SilverContent.meta(r);
                            assertThat(meta.getField("config_version"))
                                    .isEqualTo(versions.get(SilverContent.tenant(r)));
                            assertThat(meta.getField("deleted")).isEqualTo(false);
                            assertThat((String) meta.getField("hash_diff")).hasSize(64);
                        });
    }

    private static void assertRefusalsCarryTheirBronzeReference(SilverContent silver) {
        Map<String, String> versions =
                TenantFiles.all().stream()
                        .collect(
                                Collectors.toMap(
                                        TenantConfig::tenant, TenantConfig::configVersion));
        Map<QuarantineReason, Long> byReason = new EnumMap<>(QuarantineReason.class);
        for (Record q : silver.quarantine) {
            QuarantineReason reason = QuarantineReason.valueOf((String) q.getField("reason"));
            byReason.merge(reason, 1L, Long::sum);
            assertThat(q.getField("layer")).isEqualTo("SILVER");
            assertThat((String) q.getField("raw_sha256")).hasSize(64);
            assertThat(((Record) q.getField("source")).getField("topic")).isNotNull();
            if (reason != QuarantineReason.POISON_AVRO) {
                assertThat(((Record) q.getField("source")).getField("topic"))
                        .isEqualTo(BronzeEvents.RAW_TOPIC);
            }
            if (reason != QuarantineReason.UNKNOWN_TENANT
                    && reason != QuarantineReason.POISON_AVRO) {
                assertThat(q.getField("config_version"))
                        .isEqualTo(versions.get((String) q.getField("tenant_id")));
            }
            if (reason == QuarantineReason.TYPE_COERCION_FAILED) {
                assertThat((String) q.getField("rule"))
                        .as("the rule names the field: %s", q.getField("reason_detail"))
                        .contains(" → ");
            }
        }
        assertThat(byReason)
                .containsKeys(
                        QuarantineReason.UNKNOWN_TENANT,
                        QuarantineReason.UNKNOWN_SCHEMA_VERSION,
                        QuarantineReason.NULL_KEY,
                        QuarantineReason.TYPE_COERCION_FAILED,
                        QuarantineReason.POISON_AVRO);
    }

    private List<String> hooliKeys(CanonicalEntity e) {
        return keys(SilverContent.read(config, e), e, Hooli.TENANT);
    }

    private static List<String> keys(SilverContent silver, CanonicalEntity e, String tenant) {
        return keys(silver.tables.get(e), e, tenant);
    }

    private static List<String> keys(List<Record> rows, CanonicalEntity e, String tenant) {
        return rows.stream()
                .filter(r -> SilverContent.tenant(r).equals(tenant))
                .map(
                        r ->
                                e.keyFields().stream()
                                        .map(f -> String.valueOf(r.getField(f)))
                                        .collect(Collectors.joining("/")))
                .sorted()
                .toList();
    }

    private static List<Record> withoutPurchase(List<Record> rows, String ref) {
        return rows.stream()
                .filter(
                        r ->
                                !(SilverContent.tenant(r).equals(Hooli.TENANT)
                                        && ref.equals(fieldOrNull(r, "order_key"))))
                .toList();
    }

    private static Object fieldOrNull(Record r, String field) {
        return r.struct().field(field) == null ? null : r.getField(field);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return; // the assertions that follow say what is missing
            }
            Thread.sleep(1_000);
        }
    }
}
