package io.strata.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.common.config.StrataOptions;
import io.strata.common.flink.StrataEnvironment;
import io.strata.common.iceberg.IcebergCatalogs;
import io.strata.common.serde.ConfluentAvroDeserializer;
import io.strata.common.serde.ConfluentAvroSerializer;
import io.strata.common.serde.RegistryClientConfig;
import io.strata.model.ops.Alert;
import io.strata.model.silver.Customer;
import io.strata.model.silver.EntityMeta;
import io.strata.model.silver.Order;
import io.strata.model.silver.OrderLine;
import io.strata.model.silver.SupportTicket;
import io.strata.quality.silver.SilverTopic;
import io.strata.testing.FlinkMiniCluster;
import io.strata.testing.TestServices;
import io.strata.testing.TopicReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import org.apache.avro.specific.SpecificRecordBase;
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
 * The Tier-2 and Tier-3 rules on the MiniCluster over real Kafka, registry and Iceberg, with the
 * default thresholds: a clean generated workload's Silver rows ({@link CleanWorkload}, which alone
 * gives no finding: {@link CleanWorkloadTest}) with five conditions injected in event-time order
 * among them: an order of a customer that never appears, a null-rate spike, a volume spike, an
 * outlier order total and a duplicate customer. Expected: exactly those five findings in {@code
 * ops.quality_results} and exactly their five alerts on the alerts topic.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QualityTiersITCase {

    @RegisterExtension static final MiniClusterExtension FLINK = FlinkMiniCluster.extension();

    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final long MINUTE = 60_000;
    private static final long WINDOW = 10 * MINUTE;

    private final String name = "qt" + Long.toString(System.nanoTime(), 36);
    private final String prefix = "silver." + name + ".";
    private final List<String> expected = new ArrayList<>();
    private Configuration config;
    private JobClient job;

    @BeforeAll
    void publishTheWorkloadWithTheConditionsAndStartTheJob() throws Exception {
        List<CleanWorkload.Row> rows = new ArrayList<>(CleanWorkload.rows());
        long start = eventTime(rows.get(0).row());
        long firstWindow = Math.floorDiv(start, WINDOW) * WINDOW;
        // Well inside the workload's ~29 windows: the baseline is full and the watermark passes.
        long spikeWindow = firstWindow + 12 * WINDOW;
        long at = spikeWindow + 3 * MINUTE;

        CleanWorkload.Row anAcmeCustomer = first(rows, "acme", SilverTopic.CUSTOMER);
        String initechCustomer =
                ((Order) first(rows, "initech", SilverTopic.ORDER).row()).getCustomerKey();

        insert(rows, order("acme", "o-orphan", "c-ghost", "1500.00", at));
        expected.add("quality.referential-integrity:acme:o-orphan");

        insert(rows, order("initech", "o-huge", initechCustomer, "250000.00", at));
        expected.add("quality.order-total-outlier:initech:o-huge");

        Customer original = (Customer) anAcmeCustomer.row();
        insert(
                rows,
                Customer.newBuilder(original)
                        .setMeta(meta("acme", at))
                        .setCustomerKey("dup-" + original.getCustomerKey())
                        .setEmail("  " + original.getEmail().toUpperCase() + " ")
                        .build());
        List<String> pair =
                new ArrayList<>(
                        List.of(original.getCustomerKey(), "dup-" + original.getCustomerKey()));
        pair.sort(null);
        expected.add("quality.duplicate-customer:acme:email:" + pair.get(0) + "|" + pair.get(1));

        for (int i = 0; i < 60; i++) {
            insert(rows, lineWithoutProduct("acme", "o-nulls", i, at + i));
        }
        expected.add(
                "quality.null-rate:acme:order_line.product_key:"
                        + Instant.ofEpochMilli(spikeWindow));

        for (int i = 0; i < 60; i++) {
            insert(rows, ticket("globex", "t-spike-" + i, at + i));
        }
        expected.add("quality.volume:globex:support_ticket:" + Instant.ofEpochMilli(spikeWindow));

        config = config();
        publish(rows);

        StreamExecutionEnvironment env = StrataEnvironment.create(config);
        env.setParallelism(1);
        new QualityAsyncTopology(
                        config,
                        QualityAsyncJob.manifestSource(config),
                        QualityAsyncJob.silverSource(config),
                        QualityAsyncJob.sinks(config))
                .build(env);
        job = env.executeAsync("quality-tiers-" + name);
    }

    @AfterAll
    void stop() throws Exception {
        if (job != null) {
            job.cancel().get();
        }
    }

    @Test
    void exactlyTheInjectedConditionsAreFindingsAndAlerts() throws Exception {
        await(() -> results().size() >= expected.size() && alerts().size() >= expected.size());

        List<Record> results = results();
        assertThat(results)
                .extracting(r -> (String) r.getField("check_id"))
                .containsExactlyInAnyOrderElementsOf(expected);
        for (Record r : results) {
            if (r.getField("rule").equals("quality.referential-integrity")) {
                continue; // measured: 0 customer rows of the 1 expected
            }
            assertThat((Double) r.getField("measured"))
                    .as("%s measured above its threshold", r.getField("check_id"))
                    .isGreaterThan((Double) r.getField("threshold"));
        }
        assertThat(results)
                .extracting(
                        r ->
                                r.getField("rule")
                                        + " "
                                        + r.getField("tier")
                                        + " "
                                        + r.getField("keys"))
                .contains(
                        "quality.referential-integrity 2 [order:o-orphan, customer:c-ghost]",
                        "quality.order-total-outlier 3 [order:o-huge]");

        List<Alert> alerts = alerts();
        assertThat(alerts)
                .extracting(Alert::getAlertId)
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(new TreeSet<>(alerts.stream().map(Alert::getTenantId).toList()))
                .containsExactly("acme", "globex", "initech");
    }

    private List<Record> results() {
        Catalog catalog = IcebergCatalogs.load(config);
        TableIdentifier id =
                TableIdentifier.parse(config.get(QualityAsyncOptions.QUALITY_RESULTS_TABLE));
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

    /** Inserts {@code row} before the first row of its topic with a later event time. */
    private static void insert(List<CleanWorkload.Row> rows, SpecificRecordBase row) {
        SilverTopic topic = topic(row);
        long t = eventTime(row);
        int at = rows.size();
        for (int i = 0; i < rows.size(); i++) {
            if (eventTime(rows.get(i).row()) > t) {
                at = i;
                break;
            }
        }
        rows.add(at, new CleanWorkload.Row(topic, "injected-" + at, row));
    }

    private static CleanWorkload.Row first(
            List<CleanWorkload.Row> rows, String tenant, SilverTopic topic) {
        return rows.stream()
                .filter(r -> r.topic() == topic)
                .filter(r -> ((EntityMeta) r.row().get("meta")).getTenantId().equals(tenant))
                .findFirst()
                .orElseThrow();
    }

    private static SilverTopic topic(SpecificRecordBase row) {
        for (SilverTopic t : SilverTopic.values()) {
            if (t.type().isInstance(row)) {
                return t;
            }
        }
        throw new IllegalArgumentException(row.getClass().getName());
    }

    private static long eventTime(SpecificRecordBase row) {
        return ((EntityMeta) row.get("meta")).getEventTime().toEpochMilli();
    }

    private static EntityMeta meta(String tenant, long t) {
        return SilverRowsForTests.meta(tenant, t);
    }

    private static Order order(String tenant, String key, String customer, String total, long t) {
        return SilverRowsForTests.order(tenant, key, customer, total, t);
    }

    private static OrderLine lineWithoutProduct(String tenant, String order, int line, long t) {
        return OrderLine.newBuilder()
                .setMeta(meta(tenant, t))
                .setOrderKey(order)
                .setLineKey(Integer.toString(line))
                .setProductKey(null)
                .setQuantity(1L)
                .setUnitPrice(new BigDecimal("10.00"))
                .setLineAmount(new BigDecimal("10.00"))
                .build();
    }

    private static SupportTicket ticket(String tenant, String key, long t) {
        return SupportTicket.newBuilder()
                .setMeta(meta(tenant, t))
                .setTicketKey(key)
                .setCustomerKey("c-1")
                .setOpenedTime(Instant.ofEpochMilli(t))
                .setClosedTime(Instant.ofEpochMilli(t + MINUTE))
                .setStatus("closed")
                .setPriority("low")
                .setSubject("where is my parcel")
                .build();
    }

    @SuppressWarnings("unchecked")
    private void publish(List<CleanWorkload.Row> rows) {
        Map<SilverTopic, ConfluentAvroSerializer<SpecificRecordBase>> serializers =
                new EnumMap<>(SilverTopic.class);
        RegistryClientConfig registry = RegistryClientConfig.of(TestServices.registry().url());
        for (SilverTopic t : SilverTopic.values()) {
            TestServices.kafka().createTopic(prefix + t.entityName(), 1);
            serializers.put(
                    t,
                    ConfluentAvroSerializer.forValue(
                            (Class<SpecificRecordBase>) t.type(),
                            prefix + t.entityName(),
                            registry));
        }
        Properties props = new Properties();
        props.put("bootstrap.servers", TestServices.kafka().bootstrapServers());
        props.put("key.serializer", ByteArraySerializer.class.getName());
        props.put("value.serializer", ByteArraySerializer.class.getName());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props)) {
            for (CleanWorkload.Row r : rows) {
                String tenant = ((EntityMeta) r.row().get("meta")).getTenantId();
                producer.send(
                        new ProducerRecord<>(
                                prefix + r.topic().entityName(),
                                (tenant + "|" + r.key()).getBytes(StandardCharsets.UTF_8),
                                serializers.get(r.topic()).serialize(r.row())));
            }
        }
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
        c.set(QualityAsyncOptions.SILVER_TOPIC_PREFIX, prefix);
        c.set(QualityAsyncOptions.ARRIVAL_GRACE, Duration.ofSeconds(2));
        c.set(QualityAsyncOptions.MANIFEST_TABLE, "ops.manifest_" + name);
        c.set(QualityAsyncOptions.ALERTS_TABLE, "ops.alerts_" + name);
        c.set(QualityAsyncOptions.QUALITY_RESULTS_TABLE, "ops.quality_results_" + name);
        c.set(QualityAsyncOptions.QUARANTINE_TABLE, "ops.quarantine_" + name);
        c.set(QualityAsyncOptions.ALERTS_TOPIC, "ops.alerts." + name);
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
