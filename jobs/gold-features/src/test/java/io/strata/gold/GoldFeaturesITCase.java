package io.strata.gold;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.common.config.StrataOptions;
import io.strata.common.flink.StrataEnvironment;
import io.strata.common.kafka.StartFrom;
import io.strata.common.serde.ConfluentAvroDeserializer;
import io.strata.common.serde.RegistryClientConfig;
import io.strata.common.vault.HashKeys;
import io.strata.gold.PointInTimeLabels.Label;
import io.strata.gold.PointInTimeLabels.Labeled;
import io.strata.gold.features.FeatureRows;
import io.strata.gold.input.SilverEntity;
import io.strata.gold.sink.FeatureTables;
import io.strata.gold.vault.SilverTopics;
import io.strata.gold.vault.VaultContent;
import io.strata.gold.vault.VaultTable;
import io.strata.model.gold.CustomerFeatures;
import io.strata.model.ops.QuarantineRecord;
import io.strata.testing.FlinkMiniCluster;
import io.strata.testing.TestServices;
import io.strata.testing.TopicReader;
import io.strata.workload.Workload;
import io.strata.workload.WorkloadOptions;
import io.strata.workload.WorkloadParams;
import io.strata.workload.oracle.Oracle;
import io.strata.workload.oracle.SilverAvroRows;
import io.strata.workload.oracle.SilverChangeLog;
import io.strata.workload.oracle.SilverVersion;
import io.strata.workload.oracle.gold.GoldOracle;
import io.strata.workload.oracle.gold.GoldVault;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import org.apache.flink.avro.shaded.org.apache.avro.generic.GenericRecord;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.types.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * gold-features as a whole against the oracle: a generated workload's Silver change log (what
 * silver-conform publishes for it, computed in plain Java) is written to the Silver topics and the
 * production job graph (vault and features, Iceberg and Kafka sinks) runs over it on the
 * MiniCluster. The vault tables, the feature history, the current features and the compacted topic
 * then equal the oracle's exactly, though the input's disorder puts many versions behind Gold's
 * watermark (so rows are corrected after they were first written); a second run with fresh state
 * into the same tables changes no row. Then the outputs are read as their users read them: the
 * analysts' point-in-time query of {@code docs/analysts.md} in Flink SQL returns the oracle's
 * features as of each label's instant, and a service reading the topic with Confluent's registry
 * client sees the oracle's current features.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GoldFeaturesITCase {

    @RegisterExtension static final MiniClusterExtension FLINK = FlinkMiniCluster.extension();

    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final Duration OUT_OF_ORDERNESS = Duration.ofSeconds(2);

    private final String name = "gf" + Long.toString(System.nanoTime(), 36);
    private final String prefix = "silver." + name + ".";
    private GoldOracle oracle;
    private long published;
    private long behindTheWatermark;
    private VaultContent firstVault;
    private List<CustomerFeatures> firstHistory;

    @BeforeAll
    void publishTheSilverChangeLogOfAWorkload() {
        WorkloadParams params =
                WorkloadParams.builder()
                        .seed(11)
                        .events(2_000)
                        .set(WorkloadOptions.CUSTOMERS, 60)
                        .set(WorkloadOptions.PRODUCTS, 40)
                        .set(WorkloadOptions.ARRIVAL_INTERVAL, Duration.ofHours(2))
                        .set(WorkloadOptions.MALFORMED_RATE, 0.0)
                        .build();
        Workload workload = Workload.of(params);
        SilverChangeLog log = new SilverChangeLog();
        Oracle.compute(workload.records(), workload.oracleOptions(), log);
        oracle = GoldOracle.of(log.versions());

        Map<SilverEntity, Instant> newest = new EnumMap<>(SilverEntity.class);
        try (SilverTopics topics =
                new SilverTopics(TestServices.kafka(), TestServices.registry().url(), prefix)) {
            for (SilverVersion v : log.versions()) {
                SilverEntity entity = OracleSilverRows.entity(v);
                if (entity == null) {
                    continue;
                }
                topics.send(entity, v.key(), SilverAvroRows.of(v));
                Instant max = newest.merge(entity, v.eventTime(), (a, b) -> a.isAfter(b) ? a : b);
                if (v.eventTime().isBefore(max.minus(OUT_OF_ORDERNESS))) {
                    behindTheWatermark++;
                }
            }
            published = topics.flush();
        }
    }

    @Test
    @Order(1)
    void vaultAndFeaturesEqualTheOracle() throws Exception {
        Configuration config = run("first");
        assertThat(behindTheWatermark)
                .as("versions arriving behind Gold's watermark, applied as corrections")
                .isPositive();

        firstVault = VaultContent.read(config);
        Map<VaultTable, List<List<Object>>> expected = expectedVault(oracle.vault());
        for (VaultTable table : VaultTable.values()) {
            assertThat(firstVault.rows().get(table))
                    .as(table.tableName())
                    .containsExactlyInAnyOrderElementsOf(expected.get(table));
        }

        firstHistory = comparable(FeatureRows.table(config, FeatureTables.HISTORY));
        assertThat(firstHistory)
                .as("customer_features_history")
                .containsExactlyInAnyOrderElementsOf(expected(oracle.featureHistory()));
        List<CustomerFeatures> current = expected(oracle.currentFeatures());
        assertThat(comparable(FeatureRows.table(config, FeatureTables.CURRENT)))
                .as("customer_features")
                .containsExactlyInAnyOrderElementsOf(current);
        assertThat(
                        comparable(
                                FeatureRows.topic(
                                        TestServices.kafka().bootstrapServers(),
                                        TestServices.registry().url(),
                                        config.get(GoldFeaturesOptions.FEATURES_TOPIC))))
                .as("latest value per key on the features topic")
                .containsExactlyInAnyOrderElementsOf(current);
        System.out.printf(
                "Gold: %d Silver versions (%d behind the watermark), %d feature rows, %d"
                        + " customers, vault %s%n",
                published,
                behindTheWatermark,
                firstHistory.size(),
                current.size(),
                counts(firstVault));
    }

    @Test
    @Order(2)
    void aSecondRunWithFreshStateChangesNoRow() throws Exception {
        Configuration config = run("second");

        VaultContent second = VaultContent.read(config);
        for (VaultTable table : VaultTable.values()) {
            assertThat(second.rows().get(table))
                    .as(table.tableName())
                    .hasSameSizeAs(firstVault.rows().get(table))
                    .containsExactlyInAnyOrderElementsOf(firstVault.rows().get(table));
        }
        assertThat(comparable(FeatureRows.table(config, FeatureTables.HISTORY)))
                .containsExactlyInAnyOrderElementsOf(firstHistory);
    }

    @Test
    @Order(3)
    void theAnalystsPointInTimeQueryReturnsTheOraclesFeaturesAsOfEachLabel() throws Exception {
        List<Label> labels = PointInTimeLabels.sample(oracle.featureHistory(), 20);
        List<Labeled> expected = new ArrayList<>();
        for (Label l : labels) {
            oracle.featuresAsOf(l.tenantId(), l.customerKey(), l.asOf())
                    .map(f -> new Labeled(l, OracleSilverRows.features(f)).comparable())
                    .ifPresent(expected::add);
        }
        assertThat(expected)
                .as("labels with features: not those before a customer's first event")
                .isNotEmpty()
                .hasSizeLessThan(labels.size());

        AnalystsSession session = AnalystsSession.open(written(), labels);
        assertThat(
                        session.rows(AnalystsDoc.pointInTimeQuery()).stream()
                                .map(Labeled::of)
                                .map(Labeled::comparable)
                                .toList())
                .as("docs/analysts.md's point-in-time query over %d labels", labels.size())
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(
                        session.rows(
                                "SELECT tenant_id, customer_key, "
                                        + AnalystsDoc.customerHashKey()
                                        + " FROM labels"))
                .as("docs/analysts.md's customer_hk expression")
                .containsExactlyInAnyOrderElementsOf(
                        labels.stream().map(GoldFeaturesITCase::withHashKey).toList());
    }

    @Test
    @Order(4)
    void aServiceReadingTheTopicWithConfluentsClientSeesTheOraclesCurrentFeatures()
            throws Exception {
        Map<GenericRecord, GenericRecord> latest =
                new FeatureTopicService(TestServices.registry().url())
                        .latest(
                                TestServices.kafka().bootstrapServers(),
                                written().get(GoldFeaturesOptions.FEATURES_TOPIC));

        latest.forEach(
                (key, value) ->
                        assertThat(customer(key))
                                .as("key of %s", value)
                                .isEqualTo(customer(value)));
        assertThat(comparable(latest.values().stream().map(FeatureTopicService::features).toList()))
                .as("latest value per key, read with Confluent's registry client")
                .containsExactlyInAnyOrderElementsOf(expected(oracle.currentFeatures()));
    }

    /** A label's row with the customer's hub key as {@link HashKeys} computes it. */
    private static Row withHashKey(Label l) {
        return Row.of(
                l.tenantId(), l.customerKey(), HashKeys.hashKey(l.tenantId(), l.customerKey()));
    }

    /** The (tenant, customer) of a key or value of the features topic. */
    private static List<String> customer(GenericRecord r) {
        return List.of(r.get("tenant_id").toString(), r.get("customer_key").toString());
    }

    /** The configuration of the tables and topic both runs wrote (the group is not used). */
    private Configuration written() {
        return config(name);
    }

    /**
     * Runs the production graph over the Silver topics from the earliest offsets without state
     * until its consumer group has committed every record, then drains it into a savepoint (which
     * commits the last Iceberg files and Kafka transactions).
     */
    private Configuration run(String run) throws Exception {
        Configuration config = config(name + "-" + run);
        StreamExecutionEnvironment env = StrataEnvironment.create(config);
        env.setParallelism(1);
        GoldFeaturesJob.topology(config).build(env);
        JobClient job = env.executeAsync("gold-features-" + name + "-" + run);

        String group = config.get(GoldFeaturesOptions.GROUP_ID);
        await(() -> TestServices.kafka().committedOffsets(group) >= published);
        assertThat(TestServices.kafka().committedOffsets(group))
                .as("records committed by %s", group)
                .isEqualTo(published);
        // Drained: the watermark goes to the end of time, as when the input is over, so the events
        // still waiting for the slowest stream's watermark are applied before the savepoint.
        job.stopWithSavepoint(
                        true,
                        TestServices.dir("savepoints-" + name).toUri().toString(),
                        SavepointFormatType.CANONICAL)
                .get();
        assertNothingRefusedOrHidden(config);
        return config;
    }

    /**
     * What would make rows go missing, checked before the rows so a failure names it: no Silver
     * record refused (unreadable, or a version too late to apply: {@code gold.quarantine}), and
     * every key on the features topic visible to a {@code read_committed} reader (a transaction
     * left open or aborted would hide keys that {@code read_uncommitted} still shows).
     */
    private void assertNothingRefusedOrHidden(Configuration config) {
        String servers = TestServices.kafka().bootstrapServers();
        ConfluentAvroDeserializer<QuarantineRecord> quarantine =
                new ConfluentAvroDeserializer<>(
                        QuarantineRecord.class,
                        RegistryClientConfig.of(TestServices.registry().url()));
        assertThat(
                        TopicReader.readAll(
                                        servers,
                                        config.get(GoldFeaturesOptions.QUARANTINE_TOPIC),
                                        quarantine::deserialize,
                                        "read_uncommitted")
                                .stream()
                                .map(
                                        r ->
                                                r.value().getReason()
                                                        + ": "
                                                        + r.value().getReasonDetail())
                                .toList())
                .as("records on gold.quarantine (unreadable or too late) after the run")
                .isEmpty();
        String topic = config.get(GoldFeaturesOptions.FEATURES_TOPIC);
        Set<String> written = new TreeSet<>();
        TopicReader.readAll(servers, topic, value -> value, "read_uncommitted")
                .forEach(r -> written.add(r.key()));
        Set<String> committed = new TreeSet<>();
        TopicReader.settledRecords(servers, topic)
                .forEach(r -> committed.add(new String(r.key(), StandardCharsets.UTF_8)));
        assertThat(committed)
                .as("keys a read_committed reader sees on %s, of those written", topic)
                .containsExactlyInAnyOrderElementsOf(written);
    }

    private Configuration config(String group) {
        Configuration c = new Configuration();
        c.set(StrataOptions.KAFKA_BOOTSTRAP_SERVERS, TestServices.kafka().bootstrapServers());
        c.set(StrataOptions.SCHEMA_REGISTRY_URL, TestServices.registry().url());
        c.set(
                StrataOptions.ICEBERG_WAREHOUSE,
                TestServices.dir("warehouse-" + name).toUri().toString());
        c.set(StrataOptions.CHECKPOINT_INTERVAL, Duration.ofSeconds(1));
        c.set(GoldFeaturesOptions.INPUT_TOPIC_PREFIX, prefix);
        c.set(GoldFeaturesOptions.GROUP_ID, group);
        c.set(GoldFeaturesOptions.START_FROM, StartFrom.EARLIEST);
        c.set(GoldFeaturesOptions.OUT_OF_ORDERNESS, OUT_OF_ORDERNESS);
        c.set(GoldFeaturesOptions.FEATURES_TOPIC, "gold.customer-features." + name);
        c.set(GoldFeaturesOptions.QUARANTINE_TOPIC, "gold.quarantine." + name);
        c.set(GoldFeaturesOptions.TRANSACTIONAL_ID_PREFIX, group);
        return c;
    }

    /** The oracle's vault as table rows; record sources are this test's topics. */
    private Map<VaultTable, List<List<Object>>> expectedVault(GoldVault vault) {
        Map<VaultTable, List<? extends Record>> tables = new EnumMap<>(VaultTable.class);
        tables.put(VaultTable.HUB_CUSTOMER, vault.hubCustomer());
        tables.put(VaultTable.HUB_PRODUCT, vault.hubProduct());
        tables.put(VaultTable.HUB_ORDER, vault.hubOrder());
        tables.put(VaultTable.LINK_CUSTOMER_ORDER, vault.linkCustomerOrder());
        tables.put(VaultTable.LINK_ORDER_PRODUCT, vault.linkOrderProduct());
        tables.put(VaultTable.SAT_CUSTOMER_DETAILS, vault.satCustomerDetails());
        tables.put(VaultTable.SAT_PRODUCT_DETAILS, vault.satProductDetails());
        tables.put(VaultTable.SAT_ORDER_HEADER, vault.satOrderHeader());
        Map<VaultTable, List<List<Object>>> rows = new EnumMap<>(VaultTable.class);
        tables.forEach(
                (table, records) -> {
                    List<List<Object>> values = new ArrayList<>();
                    for (Record r : records) {
                        values.add(
                                OracleSilverRows.values(r).stream()
                                        .map(
                                                v ->
                                                        v instanceof String s
                                                                        && s.startsWith("silver.")
                                                                ? prefix
                                                                        + s.substring(
                                                                                "silver.".length())
                                                                : v)
                                        .toList());
                    }
                    rows.put(table, values);
                });
        return rows;
    }

    private static List<CustomerFeatures> expected(
            List<io.strata.workload.oracle.gold.FeatureRow> rows) {
        return rows.stream()
                .map(OracleSilverRows::features)
                .map(OracleSilverRows::comparable)
                .toList();
    }

    private static List<CustomerFeatures> comparable(List<CustomerFeatures> rows) {
        return rows.stream().map(OracleSilverRows::comparable).toList();
    }

    private static Map<String, Integer> counts(VaultContent vault) {
        Map<String, Integer> counts = new HashMap<>();
        vault.rows().forEach((t, rows) -> counts.put(t.tableName(), rows.size()));
        return counts;
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
    }
}
