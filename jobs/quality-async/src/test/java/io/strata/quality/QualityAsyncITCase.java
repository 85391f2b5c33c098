package io.strata.quality;

import static io.strata.quality.reconcile.ManifestRecords.bronze;
import static io.strata.quality.reconcile.ManifestRecords.gold;
import static io.strata.quality.reconcile.ManifestRecords.parent;
import static io.strata.quality.reconcile.ManifestRecords.silver;
import static org.assertj.core.api.Assertions.assertThat;

import io.strata.common.config.StrataOptions;
import io.strata.common.flink.StrataEnvironment;
import io.strata.common.iceberg.IcebergCatalogs;
import io.strata.common.manifest.ValueChecksums;
import io.strata.common.serde.ConfluentAvroDeserializer;
import io.strata.common.serde.ConfluentAvroSerializer;
import io.strata.common.serde.RegistryClientConfig;
import io.strata.model.ops.Alert;
import io.strata.model.ops.ManifestRecord;
import io.strata.model.silver.Order;
import io.strata.testing.FlinkMiniCluster;
import io.strata.testing.TestServices;
import io.strata.testing.TopicReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * quality-async on the MiniCluster over real Kafka, registry and Iceberg: hand-made BRONZE, SILVER
 * and GOLD manifest records, Silver rows on a real Silver topic stamped with their SILVER manifest
 * ids, and a poison record on the manifest topic. One record is broken at each boundary: one BRONZE
 * window SILVER accounts for one record short, and one SILVER window whose rows GOLD read one
 * short. Expected: the Iceberg manifest holds every record once, the two broken windows FAILED and
 * the others COMPLETE and reconciled, and exactly one alert per broken window, naming it with its
 * numbers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QualityAsyncITCase {

    @RegisterExtension static final MiniClusterExtension FLINK = FlinkMiniCluster.extension();

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final String B1 = "BRONZE/acme/raw.webhooks/bronze-ingest:1";
    private static final String B2 = "BRONZE/acme/raw.webhooks/bronze-ingest:2";
    private static final String B3 = "BRONZE/globex/raw.webhooks/bronze-ingest:1";
    private static final String S1 = "SILVER/acme/raw.webhooks/silver-conform:1";
    private static final String S2 = "SILVER/acme/raw.webhooks/silver-conform:2";
    private static final String S3 = "SILVER/globex/raw.webhooks/silver-conform:1";

    private final String name = "qa" + Long.toString(System.nanoTime(), 36);
    private Configuration config;
    private JobClient job;

    @BeforeAll
    void startTheJobOverHandMadeManifestRecords() throws Exception {
        config = config();
        String topic = config.get(StrataOptions.MANIFEST_TOPIC);
        TestServices.kafka().createTopic(topic, 1);
        // S1 wrote two orders, S2 two more; GOLD read S1's two and only one of S2's.
        String orders = config.get(QualityAsyncOptions.SILVER_TOPIC_PREFIX) + "order";
        TestServices.kafka().createTopic(orders, 1);
        List<byte[]> rows =
                sendOrders(
                        orders,
                        List.of(
                                order(S1, "o-1", 1000),
                                order(S1, "o-2", 2000),
                                order(S2, "o-3", 3000),
                                order(S2, "o-4", 4000)));
        ValueChecksums checksums = new ValueChecksums();
        long s1Rows = checksums.prefix(rows.get(0)) + checksums.prefix(rows.get(1));
        long s2FirstRow = checksums.prefix(rows.get(2));
        send(
                topic,
                List.of(
                        bronze(B1, "acme", 5, 1500),
                        bronze(B2, "acme", 3, 600),
                        bronze(B3, "globex", 4, 1000),
                        // B1 conformed across two SILVER windows, the second also all of B2.
                        silver(S1, "acme", List.of(parent(B1, 3, 600))),
                        silver(S2, "acme", List.of(parent(B1, 2, 900), parent(B2, 3, 600))),
                        // The broken one: SILVER lost one of B3's four records.
                        silver(S3, "globex", List.of(parent(B3, 3, 700))),
                        gold(
                                g1(),
                                "acme",
                                List.of(parent(S1, 2, s1Rows), parent(S2, 1, s2FirstRow)))));
        sendPoison(topic, "not avro".getBytes(StandardCharsets.UTF_8));

        StreamExecutionEnvironment env = StrataEnvironment.create(config);
        env.setParallelism(1);
        new QualityAsyncTopology(
                        config,
                        QualityAsyncJob.manifestSource(config),
                        QualityAsyncJob.silverSource(config),
                        QualityAsyncJob.sinks(config))
                .build(env);
        job = env.executeAsync("quality-async-" + name);
    }

    @AfterAll
    void stop() throws Exception {
        if (job != null) {
            job.cancel().get();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theBrokenWindowIsTheOneAlertAndTheManifestTableShowsEveryStatus() throws Exception {
        Map<String, String> expected =
                Map.of(
                        B1,
                        "COMPLETE",
                        B2,
                        "COMPLETE",
                        B3,
                        "FAILED",
                        S1,
                        "COMPLETE",
                        S2,
                        "FAILED",
                        S3,
                        "COMPLETE",
                        g1(),
                        "COMPLETE");
        await(() -> statuses().equals(new TreeMap<>(expected)) && alerts().size() >= 2);

        List<Alert> alerts = alerts();
        assertThat(alerts)
                .extracting(Alert::getWindowId)
                .as("one alert per broken window")
                .containsExactlyInAnyOrder(B3, S2);
        Alert a = alerts.stream().filter(x -> x.getWindowId().equals(B3)).findFirst().get();
        assertThat(a.getRule()).isEqualTo("reconciliation.count");
        assertThat(a.getTenantId()).isEqualTo("globex");
        assertThat(a.getWindowId()).isEqualTo(B3);
        assertThat(a.getManifestIds()).containsExactly(B3, S3);
        assertThat(a.getMeasured()).isEqualTo("3");
        assertThat(a.getExpected()).isEqualTo("4");

        assertThat(statuses()).isEqualTo(new TreeMap<>(expected));
        Record b3 =
                manifestRows().stream()
                        .filter(r -> r.getField("manifest_id").equals(B3))
                        .findFirst()
                        .get();
        Record checks = (Record) b3.getField("quality_checks");
        assertThat(checks.getField("reconciled")).isEqualTo(false);
        assertThat(checks.getField("reconciliation"))
                .isEqualTo("reconciliation.count: SILVER accounted for 3 of 4 records");
        assertThat(b3.getField("record_count")).isEqualTo(4L);
        Record s2 =
                manifestRows().stream()
                        .filter(r -> r.getField("manifest_id").equals(S2))
                        .findFirst()
                        .get();
        assertThat((List<Object>) s2.getField("lineage")).containsExactly(B1, B2);
        Alert g = alerts.stream().filter(x -> x.getWindowId().equals(S2)).findFirst().get();
        assertThat(g.getRule()).isEqualTo("reconciliation.gold.count");
        assertThat(g.getManifestIds()).containsExactly(S2, g1());
        assertThat(g.getMeasured()).isEqualTo("1");
        assertThat(g.getExpected()).isEqualTo("2");
        assertThat(g.getDetail())
                .isEqualTo(S2 + ": GOLD read 1 of the 2 rows written to " + orders());
        Map<String, Object> reconciled = new TreeMap<>();
        for (Record r : manifestRows()) {
            if (r.getField("layer").equals("SILVER")) {
                reconciled.put(
                        (String) r.getField("manifest_id"),
                        ((Record) r.getField("quality_checks")).getField("reconciled"));
            }
        }
        assertThat(reconciled)
                .as("SILVER windows reconciled with GOLD, S3 wrote no rows")
                .isEqualTo(Map.of(S1, true, S2, false, S3, true));
        assertThat(rows("ops.alerts_" + name)).hasSize(2);
        assertThat(rows("ops.quarantine_" + name))
                .extracting(r -> r.getField("reason"))
                .containsExactly("POISON_AVRO");
    }

    /** manifest id → status, one row per id (the table is upserted). */
    private Map<String, String> statuses() {
        Map<String, String> statuses = new TreeMap<>();
        for (Record r : manifestRows()) {
            String previous =
                    statuses.put((String) r.getField("manifest_id"), (String) r.getField("status"));
            assertThat(previous).as("one row per manifest id").isNull();
        }
        return statuses;
    }

    private List<Record> manifestRows() {
        return rows(config.get(QualityAsyncOptions.MANIFEST_TABLE));
    }

    private List<Record> rows(String table) {
        Catalog catalog = IcebergCatalogs.load(config);
        TableIdentifier id = TableIdentifier.parse(table);
        if (!catalog.tableExists(id)) {
            return List.of();
        }
        List<Record> rows = new ArrayList<>();
        try (CloseableIterable<Record> it = IcebergGenerics.read(catalog.loadTable(id)).build()) {
            it.forEach(rows::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private List<Alert> alerts() {
        ConfluentAvroDeserializer<Alert> values =
                new ConfluentAvroDeserializer<>(
                        Alert.class, RegistryClientConfig.of(TestServices.registry().url()));
        return TopicReader.readAll(
                        TestServices.kafka().bootstrapServers(),
                        config.get(QualityAsyncOptions.ALERTS_TOPIC),
                        values::deserialize)
                .stream()
                .map(TopicReader.Keyed::value)
                .toList();
    }

    private static void send(String topic, List<ManifestRecord> records) {
        ConfluentAvroSerializer<ManifestRecord> serializer =
                ConfluentAvroSerializer.forValue(
                        ManifestRecord.class,
                        topic,
                        RegistryClientConfig.of(TestServices.registry().url()));
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            for (ManifestRecord m : records) {
                producer.send(
                        new ProducerRecord<>(
                                topic,
                                m.getTenantId().getBytes(StandardCharsets.UTF_8),
                                serializer.serialize(m)));
            }
        }
    }

    /** The GOLD window that read the orders (its source: their topic). */
    private String g1() {
        return "GOLD/acme/" + orders() + "/gold-features:1";
    }

    private String orders() {
        return config.get(QualityAsyncOptions.SILVER_TOPIC_PREFIX) + "order";
    }

    /** An order row of SILVER window {@code silverId}. */
    private static Order order(String silverId, String key, long eventTime) {
        Order o = SilverRowsForTests.order("acme", key, "c-1", "10.00", eventTime);
        o.getMeta().setManifestId(silverId);
        return o;
    }

    /** Sends the orders; returns their values as written. */
    private static List<byte[]> sendOrders(String topic, List<Order> orders) {
        ConfluentAvroSerializer<Order> serializer =
                ConfluentAvroSerializer.forValue(
                        Order.class, topic, RegistryClientConfig.of(TestServices.registry().url()));
        List<byte[]> values = new ArrayList<>();
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            for (Order o : orders) {
                byte[] value = serializer.serialize(o);
                values.add(value);
                producer.send(
                        new ProducerRecord<>(
                                topic, o.getOrderKey().getBytes(StandardCharsets.UTF_8), value));
            }
        }
        return values;
    }

    private static void sendPoison(String topic, byte[] value) {
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            producer.send(new ProducerRecord<>(topic, null, value));
        }
    }

    private static KafkaProducer<byte[], byte[]> producer() {
        Properties props = new Properties();
        props.put("bootstrap.servers", TestServices.kafka().bootstrapServers());
        props.put("key.serializer", ByteArraySerializer.class.getName());
        props.put("value.serializer", ByteArraySerializer.class.getName());
        return new KafkaProducer<>(props);
    }

    private Configuration config() {
        Configuration c = new Configuration();
        c.set(StrataOptions.KAFKA_BOOTSTRAP_SERVERS, TestServices.kafka().bootstrapServers());
        c.set(StrataOptions.SCHEMA_REGISTRY_URL, TestServices.registry().url());
        c.set(
                StrataOptions.ICEBERG_WAREHOUSE,
                TestServices.dir("warehouse-" + name).toUri().toString());
        c.set(StrataOptions.CHECKPOINT_INTERVAL, Duration.ofSeconds(1));
        c.set(StrataOptions.MANIFEST_TOPIC, "ops.manifest." + name);
        c.set(QualityAsyncOptions.GROUP_ID, name);
        c.set(QualityAsyncOptions.START_FROM, QualityAsyncOptions.StartFrom.EARLIEST);
        c.set(QualityAsyncOptions.RECONCILIATION_WAIT, Duration.ofSeconds(3));
        c.set(QualityAsyncOptions.MANIFEST_TABLE, "ops.manifest_" + name);
        c.set(QualityAsyncOptions.ALERTS_TABLE, "ops.alerts_" + name);
        c.set(QualityAsyncOptions.QUARANTINE_TABLE, "ops.quarantine_" + name);
        c.set(QualityAsyncOptions.ALERTS_TOPIC, "ops.alerts." + name);
        c.set(QualityAsyncOptions.SILVER_TOPIC_PREFIX, "silver." + name + ".");
        c.set(QualityAsyncOptions.TRANSACTIONAL_ID_PREFIX, name);
        return c;
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
    }
}
