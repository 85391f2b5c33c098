package io.strata.gold;

import static io.strata.gold.vault.SilverRows.ACME;
import static io.strata.gold.vault.SilverRows.MONDAY_9AM;
import static io.strata.gold.vault.SilverRows.at;
import static io.strata.gold.vault.SilverRows.customer;
import static io.strata.gold.vault.SilverRows.customerDelete;
import static io.strata.gold.vault.SilverRows.line;
import static io.strata.gold.vault.SilverRows.order;
import static io.strata.gold.vault.SilverRows.orderDelete;
import static io.strata.gold.vault.SilverRows.product;
import static org.assertj.core.api.Assertions.assertThat;

import io.strata.common.config.StrataOptions;
import io.strata.common.flink.StrataEnvironment;
import io.strata.common.kafka.StartFrom;
import io.strata.common.serde.ConfluentAvroDeserializer;
import io.strata.common.serde.RegistryClientConfig;
import io.strata.common.vault.HashKeys;
import io.strata.gold.input.SilverEntity;
import io.strata.gold.input.SilverStreams;
import io.strata.gold.vault.SilverTopics;
import io.strata.gold.vault.VaultContent;
import io.strata.gold.vault.VaultGraph;
import io.strata.gold.vault.VaultTable;
import io.strata.model.Layer;
import io.strata.model.gold.HubCustomer;
import io.strata.model.gold.HubOrder;
import io.strata.model.gold.HubProduct;
import io.strata.model.gold.LinkCustomerOrder;
import io.strata.model.gold.LinkOrderProduct;
import io.strata.model.gold.SatCustomerDetails;
import io.strata.model.gold.SatOrderHeader;
import io.strata.model.gold.SatProductDetails;
import io.strata.model.ops.ManifestRecord;
import io.strata.model.silver.EntityMeta;
import io.strata.testing.FlinkMiniCluster;
import io.strata.testing.TestServices;
import io.strata.testing.TopicReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The vault and the manifest on the MiniCluster over real Kafka and real Iceberg: Silver rows of
 * two tenants (changes, A → B → A, deletes, a changed customer on an order, missing references) and
 * one unreadable record are published to the Silver topics, and the production source, decoder,
 * {@link VaultGraph}, manifest and sinks run until the consumer group has committed every record,
 * then stop with a savepoint (which commits the last Iceberg files and manifest records). The
 * tables then hold exactly the expected hubs, links and satellites; the run's Gold manifest counts
 * every record read once, with the Silver manifest ids of the rows as lineage; a second run over
 * the same topics with fresh state, into the same tables, leaves them unchanged.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GoldVaultITCase {

    @RegisterExtension static final MiniClusterExtension FLINK = FlinkMiniCluster.extension();

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final String GLOBEX = "globex";

    private final String name = "gv" + Long.toString(System.nanoTime(), 36);
    private final String prefix = "silver." + name + ".";
    private final String customers = prefix + "customer";
    private final String products = prefix + "product";
    private final String orders = prefix + "order";
    private final String lines = prefix + "order_line";

    /** What the manifest must count, per {@code tenant topic}: the row versions read. */
    private final Map<String, Long> rowsRead = new TreeMap<>();

    /** What the manifest must count, per {@code tenant topic}: the unreadable records. */
    private final Map<String, Long> unreadableRead = new TreeMap<>();

    /** The lineage the manifest must name: per tenant, the rows' Silver manifest ids. */
    private final Map<String, Set<String>> silverManifestIds = new TreeMap<>();

    private SilverTopics topics;
    private long published;
    private VaultContent firstRun;

    @BeforeAll
    void publishSilver() {
        topics = new SilverTopics(TestServices.kafka(), TestServices.registry().url(), prefix);
        sendCustomer("c-1", customer(ACME, "c-1", "Anna", at(1)));
        sendCustomer("c-1", customer(ACME, "c-1", "Anne", at(2)));
        sendCustomer("c-1", customer(ACME, "c-1", "Anna", at(3)));
        sendCustomer("c-1", customer(ACME, "c-1", "Anna", at(4)));
        sendCustomer("c-2", customer(ACME, "c-2", "Bob", at(1)));
        sendCustomer("c-2", customerDelete(ACME, "c-2", at(5)));
        sendCustomer("c-1", customer(GLOBEX, "c-1", "Gina", at(1)));
        sendProduct("p-1", product(ACME, "p-1", "Widget", "20.00", at(1)));
        sendProduct("p-1", product(ACME, "p-1", "Widget", "20.00", at(2)));
        sendOrder("o-1", order(ACME, "o-1", "c-1", "placed", "20.00", at(2)));
        sendOrder("o-1", order(ACME, "o-1", "c-3", "paid", "20.00", at(3)));
        sendOrder("o-2", order(ACME, "o-2", null, "placed", "5.00", at(2)));
        sendOrder("o-2", orderDelete(ACME, "o-2", at(6)));
        sendLine("o-1/1", line(ACME, "o-1", "1", "p-1", at(2)));
        sendLine("o-1/2", line(ACME, "o-1", "2", "p-2", at(2)));
        sendLine("o-3/1", line(ACME, "o-3", "1", null, at(4)));
        topics.sendUnreadable(
                SilverEntity.ORDER, ACME + "|o-9", "not avro".getBytes(StandardCharsets.UTF_8));
        unreadableRead.put(ACME + " " + orders, 1L);
        published = topics.flush();
    }

    @AfterAll
    void close() {
        if (topics != null) {
            topics.close();
        }
    }

    @Test
    @Order(1)
    void theVaultHoldsExactlyTheExpectedHubsLinksAndSatellites() throws Exception {
        firstRun = run("first");

        Map<VaultTable, List<List<Object>>> expected = expected();
        for (VaultTable table : VaultTable.values()) {
            assertThat(firstRun.rows().get(table))
                    .as(table.tableName())
                    .containsExactlyInAnyOrderElementsOf(expected.get(table));
        }
    }

    @Test
    @Order(2)
    void theManifestCountsEveryRecordReadOnceWithTheRowsSilverManifestIdsAsLineage()
            throws Exception {
        await(() -> manifestTotal(manifest("first")) >= published);

        Map<String, Long> rows = new TreeMap<>();
        Map<String, Long> unreadable = new TreeMap<>();
        Map<String, Set<String>> lineage = new TreeMap<>();
        List<ManifestRecord> manifest = manifest("first");
        for (ManifestRecord m : manifest) {
            String key = m.getTenantId() + " " + m.getSourceSystem();
            rows.merge(key, m.getRecordCount(), Long::sum);
            if (m.getQualityChecks().getQuarantineCount() > 0) {
                unreadable.merge(key, m.getQualityChecks().getQuarantineCount(), Long::sum);
            }
            lineage.computeIfAbsent(m.getTenantId(), t -> new TreeSet<>()).addAll(m.getLineage());
        }

        assertThat(rows).isEqualTo(rowsRead);
        assertThat(unreadable).isEqualTo(unreadableRead);
        assertThat(lineage).isEqualTo(silverManifestIds);
        assertThat(manifest)
                .allSatisfy(
                        m -> {
                            assertThat(m.getLayer()).isEqualTo(Layer.GOLD);
                            assertThat(m.getJob()).isEqualTo("gold-features");
                            assertThat(m.getManifestId())
                                    .isEqualTo(
                                            "GOLD/"
                                                    + m.getTenantId()
                                                    + "/"
                                                    + m.getSourceSystem()
                                                    + "/"
                                                    + m.getBatchId());
                        });
    }

    @Test
    @Order(3)
    void aSecondRunWithFreshStateLeavesTheTablesUnchanged() throws Exception {
        VaultContent secondRun = run("second");

        for (VaultTable table : VaultTable.values()) {
            assertThat(secondRun.snapshots().get(table))
                    .as("%s was written again", table.tableName())
                    .isNotEqualTo(firstRun.snapshots().get(table));
            assertThat(secondRun.rows().get(table))
                    .as(table.tableName())
                    .hasSameSizeAs(firstRun.rows().get(table))
                    .containsExactlyInAnyOrderElementsOf(firstRun.rows().get(table));
        }
    }

    /**
     * Runs the vault over the Silver topics from the earliest offsets without state until the
     * consumer group {@code name-run} has committed every record, stops it with a savepoint, and
     * reads the tables.
     */
    private VaultContent run(String run) throws Exception {
        Configuration config = config(name + "-" + run);
        StreamExecutionEnvironment env = StrataEnvironment.create(config);
        env.setParallelism(1);
        GoldFeaturesTopology topology = GoldFeaturesJob.topology(config);
        SingleOutputStreamOperator<Void> decoded = topology.decodedSilver(env);
        VaultGraph.build(
                SilverStreams.of(decoded),
                config,
                GoldFeaturesJob.vaultSinks(config),
                GoldFeaturesTopology.UIDS);
        topology.manifest(decoded);
        JobClient job = env.executeAsync("gold-vault-" + name + "-" + run);

        String group = config.get(GoldFeaturesOptions.GROUP_ID);
        await(() -> TestServices.kafka().committedOffsets(group) >= published);
        assertThat(TestServices.kafka().committedOffsets(group))
                .as("records committed by %s", group)
                .isEqualTo(published);
        job.stopWithSavepoint(
                        false,
                        TestServices.dir("savepoints-" + name).toUri().toString(),
                        SavepointFormatType.CANONICAL)
                .get();
        return VaultContent.read(config);
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
        c.set(GoldFeaturesOptions.TRANSACTIONAL_ID_PREFIX, group);
        c.set(StrataOptions.MANIFEST_TOPIC, manifestTopic(group));
        return c;
    }

    private static String manifestTopic(String group) {
        return "ops.manifest." + group;
    }

    /** Rows and unreadable records the manifest counts. */
    private static long manifestTotal(List<ManifestRecord> manifest) {
        return manifest.stream()
                .mapToLong(m -> m.getRecordCount() + m.getQualityChecks().getQuarantineCount())
                .sum();
    }

    /** The committed manifest records of run {@code run}. */
    private List<ManifestRecord> manifest(String run) {
        ConfluentAvroDeserializer<ManifestRecord> values =
                new ConfluentAvroDeserializer<>(
                        ManifestRecord.class,
                        RegistryClientConfig.of(TestServices.registry().url()));
        return TopicReader.readAll(
                        TestServices.kafka().bootstrapServers(),
                        manifestTopic(name + "-" + run),
                        values::deserialize)
                .stream()
                .map(TopicReader.Keyed::value)
                .toList();
    }

    /** The rows docs/gold.md asks for, ghost rows included. */
    private Map<VaultTable, List<List<Object>>> expected() {
        String ghost = HashKeys.GHOST;
        Instant epoch = Instant.EPOCH;
        Map<VaultTable, List<List<Object>>> rows = new EnumMap<>(VaultTable.class);
        rows.put(
                VaultTable.HUB_CUSTOMER,
                values(
                        new HubCustomer(ghost, "^^", "^^", epoch, "SYSTEM"),
                        new HubCustomer(hk(ACME, "c-1"), ACME, "c-1", at(1), customers),
                        new HubCustomer(hk(ACME, "c-2"), ACME, "c-2", at(1), customers),
                        new HubCustomer(hk(GLOBEX, "c-1"), GLOBEX, "c-1", at(1), customers),
                        // Only referenced, by the second version of o-1.
                        new HubCustomer(hk(ACME, "c-3"), ACME, "c-3", at(3), orders)));
        rows.put(
                VaultTable.HUB_PRODUCT,
                values(
                        new HubProduct(ghost, "^^", "^^", epoch, "SYSTEM"),
                        new HubProduct(hk(ACME, "p-1"), ACME, "p-1", at(1), products),
                        new HubProduct(hk(ACME, "p-2"), ACME, "p-2", at(2), lines)));
        rows.put(
                VaultTable.HUB_ORDER,
                values(
                        new HubOrder(ghost, "^^", "^^", epoch, "SYSTEM"),
                        // Brought by an order and a line at the same time: the smaller source.
                        new HubOrder(hk(ACME, "o-1"), ACME, "o-1", at(2), orders),
                        new HubOrder(hk(ACME, "o-2"), ACME, "o-2", at(2), orders),
                        new HubOrder(hk(ACME, "o-3"), ACME, "o-3", at(4), lines)));
        rows.put(
                VaultTable.LINK_CUSTOMER_ORDER,
                values(
                        customerOrder("c-1", "o-1", hk(ACME, "c-1"), at(2)),
                        customerOrder("c-3", "o-1", hk(ACME, "c-3"), at(3)),
                        customerOrder(null, "o-2", ghost, at(2))));
        rows.put(
                VaultTable.LINK_ORDER_PRODUCT,
                values(
                        orderProduct("o-1", "p-1", hk(ACME, "p-1"), at(2)),
                        orderProduct("o-1", "p-2", hk(ACME, "p-2"), at(2)),
                        orderProduct("o-3", null, ghost, at(4))));
        rows.put(
                VaultTable.SAT_CUSTOMER_DETAILS,
                values(
                        new SatCustomerDetails(
                                ghost, epoch, ghost, "SYSTEM", null, null, null, null, null, null,
                                null, false),
                        customerDetails(ACME, "c-1", "Anna", at(1)),
                        customerDetails(ACME, "c-1", "Anne", at(2)),
                        customerDetails(ACME, "c-1", "Anna", at(3)),
                        customerDetails(ACME, "c-2", "Bob", at(1)),
                        new SatCustomerDetails(
                                hk(ACME, "c-2"),
                                at(5),
                                HashKeys.hashDiff(
                                        null, null, null, null, null, null, null, "deleted"),
                                customers,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                true),
                        customerDetails(GLOBEX, "c-1", "Gina", at(1))));
        rows.put(
                VaultTable.SAT_PRODUCT_DETAILS,
                values(
                        new SatProductDetails(
                                ghost, epoch, ghost, "SYSTEM", null, null, null, null, false),
                        new SatProductDetails(
                                hk(ACME, "p-1"),
                                at(1),
                                HashKeys.hashDiff("Widget", null, new BigDecimal("20.00"), "EUR"),
                                products,
                                "Widget",
                                null,
                                new BigDecimal("20.00"),
                                "EUR",
                                false)));
        rows.put(
                VaultTable.SAT_ORDER_HEADER,
                values(
                        new SatOrderHeader(
                                ghost, epoch, ghost, "SYSTEM", null, null, null, null, null, false),
                        orderHeader("o-1", "placed", "20.00", at(2)),
                        orderHeader("o-1", "paid", "20.00", at(3)),
                        orderHeader("o-2", "placed", "5.00", at(2)),
                        new SatOrderHeader(
                                hk(ACME, "o-2"),
                                at(6),
                                HashKeys.hashDiff(MONDAY_9AM, null, null, null, null, "deleted"),
                                orders,
                                MONDAY_9AM,
                                null,
                                null,
                                null,
                                null,
                                true)));
        return rows;
    }

    private LinkCustomerOrder customerOrder(
            String customerKey, String orderKey, String customerHk, Instant at) {
        return new LinkCustomerOrder(
                HashKeys.hashKey(ACME, customerKey, orderKey),
                customerHk,
                hk(ACME, orderKey),
                ACME,
                at,
                orders);
    }

    private LinkOrderProduct orderProduct(
            String orderKey, String productKey, String productHk, Instant at) {
        return new LinkOrderProduct(
                HashKeys.hashKey(ACME, orderKey, productKey),
                hk(ACME, orderKey),
                productHk,
                ACME,
                at,
                lines);
    }

    private SatCustomerDetails customerDetails(String tenant, String key, String name, Instant at) {
        String email = name.toLowerCase() + "@example.com";
        return SatCustomerDetails.newBuilder()
                .setCustomerHk(hk(tenant, key))
                .setLoadTime(at)
                .setHashDiff(HashKeys.hashDiff(name, email, null, null, null, null, null))
                .setRecordSource(customers)
                .setName(name)
                .setEmail(email)
                .setDeleted(false)
                .build();
    }

    private SatOrderHeader orderHeader(String key, String status, String total, Instant at) {
        BigDecimal amount = new BigDecimal(total);
        return new SatOrderHeader(
                hk(ACME, key),
                at,
                HashKeys.hashDiff(MONDAY_9AM, status, "web", "EUR", amount),
                orders,
                MONDAY_9AM,
                status,
                "web",
                "EUR",
                amount,
                false);
    }

    private static String hk(String tenant, String key) {
        return HashKeys.hashKey(tenant, key);
    }

    private static List<List<Object>> values(SpecificRecordBase... rows) {
        return Arrays.stream(rows).map(VaultContent::values).toList();
    }

    private void sendCustomer(String key, SpecificRecordBase row) {
        send(SilverEntity.CUSTOMER, key, row);
    }

    private void sendProduct(String key, SpecificRecordBase row) {
        send(SilverEntity.PRODUCT, key, row);
    }

    private void sendOrder(String key, SpecificRecordBase row) {
        send(SilverEntity.ORDER, key, row);
    }

    private void sendLine(String key, SpecificRecordBase row) {
        send(SilverEntity.ORDER_LINE, key, row);
    }

    /** Publishes a row version and notes what the manifest must say of it. */
    private void send(SilverEntity entity, String key, SpecificRecordBase row) {
        topics.send(entity, key, row);
        EntityMeta meta = (EntityMeta) row.get("meta");
        rowsRead.merge(meta.getTenantId() + " " + topics.topic(entity), 1L, Long::sum);
        silverManifestIds
                .computeIfAbsent(meta.getTenantId(), t -> new TreeSet<>())
                .add(meta.getManifestId());
    }

    /** What a consumer group committed on the Silver topics (on checkpoints). */
    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
    }
}
