package io.strata.gold.features;

import static io.strata.gold.features.SilverLog.at;
import static io.strata.gold.features.SilverLog.day;
import static org.assertj.core.api.Assertions.assertThat;

import io.strata.common.config.StrataOptions;
import io.strata.common.flink.StrataEnvironment;
import io.strata.common.iceberg.IcebergCatalogs;
import io.strata.common.kafka.AvroTopics;
import io.strata.common.kafka.StartFrom;
import io.strata.gold.GoldFeaturesJob;
import io.strata.gold.GoldFeaturesOptions;
import io.strata.gold.GoldFeaturesTopology;
import io.strata.gold.input.DecodeSilverRows;
import io.strata.gold.input.SilverStreams;
import io.strata.gold.sink.FeatureTables;
import io.strata.gold.sink.GoldQuarantine;
import io.strata.model.QuarantineReason;
import io.strata.model.gold.CustomerFeatures;
import io.strata.model.ops.QuarantineRecord;
import io.strata.model.silver.EntityMeta;
import io.strata.testing.FlinkMiniCluster;
import io.strata.testing.TestServices;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.Record;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The features graph on the MiniCluster over real services: hand-written Silver rows of two tenants
 * on the Silver topics (Confluent-framed Avro, as silver-conform writes them) → the job's Kafka
 * source and decoding → the features with the production sinks (Iceberg history and current tables,
 * the compacted Kafka topic) and the Iceberg quarantine. In order: every row equals {@link
 * ReferenceFeatures}, in both tables and on the topic; then a version within the allowed lateness
 * corrects the rows after it and one beyond it is quarantined. The vault is left out: it is built
 * elsewhere, and this graph does not need it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CustomerFeaturesITCase {

    @RegisterExtension static final MiniClusterExtension FLINK = FlinkMiniCluster.extension();

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final Instant END = day(200);
    private static final String CLOCK = "clock";

    private final String name = "gf" + Long.toString(System.nanoTime(), 36);
    private final List<SpecificRecordBase> applied = new ArrayList<>();
    private SilverTopics topics;
    private Configuration config;
    private JobClient job;

    @BeforeAll
    void startTheGraphOverSilverTopics() throws Exception {
        SilverLog acme = new SilverLog("acme");
        SilverLog globex = new SilverLog("globex");
        customerLife(acme);
        // The same customer key in another tenant is another customer.
        globex.order("o-1", "c-1", day(3), "19.99");
        globex.ticket("t-1", "c-1", day(4), "open");
        globex.productReturn("r-1", "c-1", day(6), day(5));
        globex.orderDelete("o-1", day(7));
        // Close to the end, within the allowed lateness of what comes after.
        acme.order("o-51", "c-5", END.minus(Duration.ofMinutes(50)), "10.00");
        acme.order("o-52", "c-5", END.minus(Duration.ofMinutes(10)), "20.00");
        applied.addAll(acme.rows());
        applied.addAll(globex.rows());
        applied.sort(Comparator.comparing(r -> meta(r).getEventTime()));

        // A customer of its own on every stream moves the watermarks past everything else.
        SilverLog clock = new SilverLog("acme");
        clock.order("o-clock", CLOCK, END, "1.00");
        clock.ticket("t-clock", CLOCK, END, "open");
        clock.productReturn("r-clock", CLOCK, END, END);

        topics = new SilverTopics(TestServices.kafka(), TestServices.registry().url(), name);
        topics.send(applied);
        topics.send(clock.rows());
        config = config();
        job = start();
    }

    /** The graph as {@link GoldFeaturesTopology} builds it, without the vault. */
    private JobClient start() throws Exception {
        StreamExecutionEnvironment env = StrataEnvironment.create(config);
        env.setParallelism(1);
        var uids = GoldFeaturesTopology.UIDS;
        SingleOutputStreamOperator<Void> decoded =
                env.fromSource(
                                GoldFeaturesJob.silverSource(config),
                                WatermarkStrategy.noWatermarks(),
                                "Silver topics")
                        .uid(uids.of("silver-source"))
                        .process(
                                new DecodeSilverRows(
                                        AvroTopics.registry(config),
                                        config.get(GoldFeaturesOptions.INPUT_TOPIC_PREFIX)))
                        .returns(Types.VOID)
                        .uid(uids.of("decode"))
                        .name("Decode Silver rows");
        DataStream<QuarantineRecord> late =
                FeaturesGraph.build(
                        SilverStreams.of(decoded),
                        config,
                        GoldFeaturesJob.featureSinks(config),
                        uids);
        GoldQuarantine.iceberg(config)
                .quarantine(decoded.getSideOutput(DecodeSilverRows.POISON).union(late), uids);
        return env.executeAsync("gold-features-" + name);
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
    void everyRowIsTheReferencesInBothTablesAndTheCurrentOnesOnTheTopic() throws Exception {
        List<CustomerFeatures> expected = expected();
        await(() -> history().equals(expected));

        assertThat(history()).isEqualTo(expected);
        assertThat(history()).extracting(CustomerFeatures::getTenantId).contains("globex");
        assertThat(current()).isEqualTo(currentOf(expected));
        await(() -> topicCurrent().equals(currentOf(expected)));
        assertThat(topicCurrent()).isEqualTo(currentOf(expected));
        assertThat(cleanupPolicy(config.get(GoldFeaturesOptions.FEATURES_TOPIC)))
                .isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
        assertThat(quarantine()).isEmpty();
    }

    @Test
    @Order(2)
    void aLateVersionCorrectsTheRowsAfterItAndOneTooLateIsQuarantined() throws Exception {
        // The watermark stays at END - 30 s: 40 minutes late is within the hour allowed.
        SilverLog late = new SilverLog("acme");
        var correcting = late.order("o-53", "c-5", END.minus(Duration.ofMinutes(40)), "60.00");
        var tooLate = late.order("o-54", "c-5", day(150), "70.00");
        topics.send(List.of(correcting, tooLate));
        applied.add(correcting);
        List<CustomerFeatures> expected = expected();

        await(() -> history().equals(expected) && quarantine().size() == 1);

        assertThat(history()).isEqualTo(expected);
        CustomerFeatures corrected = row(expected, "c-5", END.minus(Duration.ofMinutes(10)));
        assertThat(corrected.getLifetimeSpend()).isEqualByComparingTo("90.00");
        assertThat(row(expected, "c-5", END.minus(Duration.ofMinutes(50))).getValidTo())
                .isEqualTo(END.minus(Duration.ofMinutes(40)));
        assertThat(current()).isEqualTo(currentOf(expected));
        await(() -> topicCurrent().equals(currentOf(expected)));
        assertThat(topicCurrent()).isEqualTo(currentOf(expected));

        Record q = quarantine().get(0);
        assertThat(q.getField("reason")).isEqualTo(QuarantineReason.LATE_BEYOND_TOLERANCE.name());
        assertThat(q.getField("layer")).isEqualTo("GOLD");
        assertThat(q.getField("job")).isEqualTo("gold-features");
        assertThat(q.getField("tenant_id")).isEqualTo("acme");
        assertThat(q.getField("event_id")).isEqualTo(tooLate.getMeta().getSourceEventId());
        assertThat(q.getField("record_type")).isEqualTo("order");
    }

    /** Customer c-1's 80 days and c-2's one order, as in the harness tests. */
    private static void customerLife(SilverLog log) {
        log.order("o-1", "c-1", day(0), "100.00");
        log.ticket("t-1", "c-1", day(5), "open");
        log.order("o-2", "c-1", day(10), "50.01");
        log.ticket("t-1", "c-1", day(12), "closed");
        log.productReturn("r-1", "c-1", day(15), day(15));
        log.order("o-3", "c-1", day(40), null);
        log.ticket("t-2", "c-1", day(40), "open");
        log.order("o-2", "c-1", day(41), day(10), "50.01");
        log.order("o-4", "c-2", day(45), "20.00");
        log.order("o-5", "c-1", at(70, 12), "30.00");
        log.orderDelete("o-1", day(75));
        log.productReturn("r-2", "c-1", day(80), day(79));
    }

    /** The reference rows of what was applied (the clock customer's rows wait for a watermark). */
    private List<CustomerFeatures> expected() {
        return ReferenceFeatures.rows(applied).stream().sorted(FeaturePipeline.BY_KEY).toList();
    }

    private static List<CustomerFeatures> currentOf(List<CustomerFeatures> rows) {
        return rows.stream().filter(r -> r.getValidTo() == null).toList();
    }

    private List<CustomerFeatures> history() {
        return FeatureRows.table(config, FeatureTables.HISTORY);
    }

    private List<CustomerFeatures> current() {
        return FeatureRows.table(config, FeatureTables.CURRENT);
    }

    private List<CustomerFeatures> topicCurrent() {
        return FeatureRows.topic(
                TestServices.kafka().bootstrapServers(),
                TestServices.registry().url(),
                config.get(GoldFeaturesOptions.FEATURES_TOPIC));
    }

    private List<Record> quarantine() {
        return FeatureRows.records(
                IcebergCatalogs.load(config),
                TableIdentifier.parse(config.get(GoldFeaturesOptions.QUARANTINE_TABLE)));
    }

    private static CustomerFeatures row(
            List<CustomerFeatures> rows, String customer, Instant validFrom) {
        return rows.stream()
                .filter(r -> r.getCustomerKey().equals(customer))
                .filter(r -> r.getValidFrom().equals(validFrom))
                .findFirst()
                .orElseThrow();
    }

    private static String cleanupPolicy(String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return TestServices.kafka()
                .admin()
                .describeConfigs(List.of(resource))
                .all()
                .get()
                .get(resource)
                .get(TopicConfig.CLEANUP_POLICY_CONFIG)
                .value();
    }

    private static EntityMeta meta(SpecificRecordBase row) {
        return (EntityMeta) row.get("meta");
    }

    private Configuration config() {
        Configuration c = new Configuration();
        c.set(StrataOptions.KAFKA_BOOTSTRAP_SERVERS, TestServices.kafka().bootstrapServers());
        c.set(StrataOptions.SCHEMA_REGISTRY_URL, TestServices.registry().url());
        c.set(
                StrataOptions.ICEBERG_WAREHOUSE,
                TestServices.dir("warehouse-" + name).toUri().toString());
        c.set(StrataOptions.CHECKPOINT_INTERVAL, Duration.ofSeconds(1));
        c.set(GoldFeaturesOptions.INPUT_TOPIC_PREFIX, topics.prefix);
        c.set(GoldFeaturesOptions.GROUP_ID, name);
        c.set(GoldFeaturesOptions.START_FROM, StartFrom.EARLIEST);
        c.set(GoldFeaturesOptions.FEATURES_TOPIC, "gold.customer-features." + name);
        c.set(GoldFeaturesOptions.TRANSACTIONAL_ID_PREFIX, name);
        c.set(GoldFeaturesOptions.TOPIC_PARTITIONS, 1);
        return c;
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
