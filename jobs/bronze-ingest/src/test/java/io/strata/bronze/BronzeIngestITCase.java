package io.strata.bronze;

import static io.strata.bronze.RawRecords.MONDAY_9AM;
import static io.strata.bronze.RawRecords.debezium;
import static io.strata.bronze.RawRecords.platform;
import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static org.assertj.core.api.Assertions.assertThat;

import io.strata.bronze.sink.BronzeKafkaKeys;
import io.strata.bronze.sink.BronzeSinks;
import io.strata.bronze.sink.BronzeTables;
import io.strata.common.config.StrataOptions;
import io.strata.common.flink.StrataEnvironment;
import io.strata.common.flink.Uids;
import io.strata.common.iceberg.IcebergCatalogs;
import io.strata.common.kafka.KafkaSources;
import io.strata.common.kafka.RawKafkaRecord;
import io.strata.common.manifest.Manifests;
import io.strata.model.Layer;
import io.strata.model.QuarantineReason;
import io.strata.model.bronze.BronzeEvent;
import io.strata.model.ops.ManifestRecord;
import io.strata.model.ops.QuarantineRecord;
import io.strata.testing.FlinkMiniCluster;
import io.strata.testing.KafkaBroker;
import io.strata.testing.TestServices;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole job on a MiniCluster over the real in-process Kafka and an Iceberg Hadoop catalog:
 * duplicates, late and malformed records land exactly as expected, per tenant.
 */
class BronzeIngestITCase {

    @RegisterExtension static final MiniClusterExtension FLINK = FlinkMiniCluster.extension();

    @TempDir Path warehouse;

    @Test
    void duplicatesLateAndMalformedRecordsLandAsExpectedPerTenant() throws Exception {
        KafkaBroker kafka = TestServices.kafka();
        String run = "it" + Long.toString(System.nanoTime(), 36);
        String raw = "raw." + run;
        String cdc = "cdc." + run + ".customers";
        kafka.createTopic(raw, 2);
        kafka.createTopic(cdc, 1);
        SentRecords sent = new SentRecords(kafka.bootstrapServers());
        try (sent) {
            writeScenario(sent, raw, cdc);
        }
        Configuration config = config(run, kafka.bootstrapServers());
        CollectingSink<BronzeEvent> duplicates = new CollectingSink<>(run + "-duplicates");

        StreamExecutionEnvironment env = StrataEnvironment.create(config);
        env.setParallelism(2);
        new BronzeIngestTopology(
                        config,
                        boundedSource(config, run),
                        TenantControls.bounded(config, run),
                        BronzeSinks.all(
                                List.of(BronzeIngestJob.sinks(config), collect(duplicates))))
                .build(env);
        env.execute("bronze-ingest-itcase");

        Catalog catalog = IcebergCatalogs.load(config);
        List<Record> bronze = read(catalog.loadTable(BronzeTables.eventsId(config)));
        List<Record> quarantine = read(catalog.loadTable(BronzeTables.quarantineId(config)));

        assertThat(bronze).hasSize(sent.accepted.size());
        for (Record row : bronze) {
            SentRecords.Sent expected =
                    sent.accepted.get(row.getField("tenant_id") + "/" + row.getField("event_id"));
            assertThat(expected).as("unexpected row %s", row).isNotNull();
            Record source = (Record) row.getField("source");
            assertThat(source.getField("topic")).isEqualTo(expected.topic());
            assertThat(source.getField("offset")).isEqualTo(expected.offset());
            assertThat(row.getField("payload"))
                    .isEqualTo(new String(expected.value(), StandardCharsets.UTF_8));
            assertThat(row.getField("checksum")).isEqualTo(sha256(expected.value()));
            assertThat(row.getField("late")).isEqualTo(expected.late());
        }
        assertThat(countBy(quarantine, r -> r.getField("tenant_id") + ":" + r.getField("reason")))
                .isEqualTo(sent.quarantined);
        for (Record row : quarantine) {
            Record source = (Record) row.getField("source");
            SentRecords.Sent expected =
                    sent.byPosition.get(source.getField("topic") + "@" + source.getField("offset"));
            assertThat(row.getField("raw_sha256")).isEqualTo(sha256(expected.value()));
        }
        assertThat(
                        duplicates.collected().stream()
                                .collect(groupingBy(BronzeEvent::getTenantId, counting())))
                .isEqualTo(sent.duplicates);

        assertKafkaMatchesIceberg(config, bronze, quarantine);
        assertManifestAddsUp(config, sent);
        assertEveryEventNamesTheManifestRecordCountingIt(config, bronze);

        // Input = Bronze + duplicates + quarantine, per tenant (tombstones carry no event).
        Map<String, Long> accounted = new HashMap<>();
        bronze.forEach(
                r -> accounted.merge(String.valueOf(r.getField("tenant_id")), 1L, Long::sum));
        duplicates.collected().forEach(d -> accounted.merge(d.getTenantId(), 1L, Long::sum));
        quarantine.forEach(
                r -> accounted.merge(String.valueOf(r.getField("tenant_id")), 1L, Long::sum));
        assertThat(accounted).isEqualTo(sent.perTenant);
    }

    /** Two tenants on two partitions, CDC changes, and one record of every kind of trouble. */
    private static void writeScenario(SentRecords sent, String raw, String cdc) {
        for (int i = 1; i <= 8; i++) {
            sent.accepted(raw, 0, "acme", "a" + i, platform("acme", "a" + i, minute(i)).bytes());
        }
        // A producer retry whose bytes differ (other whitespace) but whose event id is the same.
        String resent =
                new String(platform("acme", "a3", minute(3)).bytes(), StandardCharsets.UTF_8);
        sent.duplicate(raw, 0, "acme", resent.replace(",", ", ").getBytes(StandardCharsets.UTF_8));
        sent.accepted(
                raw,
                0,
                "acme",
                "late",
                platform("acme", "late", MONDAY_9AM.minus(Duration.ofHours(2))).bytes(),
                true);

        for (int i = 1; i <= 5; i++) {
            sent.accepted(
                    raw, 1, "globex", "g" + i, platform("globex", "g" + i, minute(i)).bytes());
        }
        sent.duplicate(raw, 1, "globex", platform("globex", "g2", minute(2)).bytes());

        byte[] whole = platform("acme", "broken", minute(1)).bytes();
        sent.quarantined(
                raw,
                1,
                "acme",
                "acme",
                QuarantineReason.INVALID_JSON,
                java.util.Arrays.copyOf(whole, whole.length / 2));
        byte[] badUtf8 = platform("globex", "bad-utf8", minute(1)).bytes();
        badUtf8[badUtf8.length - 5] = (byte) 0xFF;
        sent.quarantined(raw, 1, "globex", "globex", QuarantineReason.INVALID_UTF8, badUtf8);
        sent.quarantined(
                raw,
                1,
                "acme",
                "acme",
                QuarantineReason.OVERSIZED_PAYLOAD,
                platform("acme", "big", minute(1)).with("blob", "Q".repeat(5000)).bytes());
        sent.quarantined(
                raw,
                1,
                null,
                null,
                QuarantineReason.MISSING_TENANT,
                platform("x", "no-tenant", minute(1)).without("tenant_id").bytes());
        sent.quarantined(
                raw,
                1,
                "globex",
                "globex",
                QuarantineReason.MISSING_EVENT_ID,
                platform("globex", "x", minute(1)).without("event_id").bytes());
        sent.quarantined(
                raw,
                1,
                "globex",
                "globex",
                QuarantineReason.UNSUPPORTED_ENVELOPE,
                "[1, 2, 3]".getBytes(StandardCharsets.UTF_8));

        sent.accepted(
                cdc,
                0,
                "acme",
                "public.customers:100:1",
                debezium("c", "acme", 1, 100L, minute(1)).bytes());
        byte[] second = debezium("c", "acme", 2, 101L, minute(2)).bytes();
        sent.accepted(cdc, 0, "acme", "public.customers:101:2", second);
        sent.accepted(
                cdc,
                0,
                "acme",
                "public.customers:102:1",
                debezium("u", "acme", 1, 102L, minute(3)).bytes());
        sent.accepted(
                cdc,
                0,
                "acme",
                "public.customers:103:2",
                debezium("d", "acme", 2, 103L, minute(4)).bytes());
        sent.tombstone(cdc, 0, "{\"id\":2}");
        // Redelivered by the capture after a restart.
        sent.duplicate(cdc, 0, "acme", second);
    }

    private static java.time.Instant minute(int i) {
        return MONDAY_9AM.plus(Duration.ofMinutes(i));
    }

    private Configuration config(String run, String bootstrapServers) {
        Configuration config = new Configuration();
        config.set(StrataOptions.KAFKA_BOOTSTRAP_SERVERS, bootstrapServers);
        config.set(StrataOptions.SCHEMA_REGISTRY_URL, TestServices.registry().url());
        config.set(BronzeIngestOptions.EVENTS_TOPIC, "bronze.events." + run);
        config.set(BronzeIngestOptions.QUARANTINE_TOPIC, "bronze.quarantine." + run);
        config.set(BronzeIngestOptions.TRANSACTIONAL_ID_PREFIX, run);
        config.set(StrataOptions.MANIFEST_TOPIC, "ops.manifest." + run);
        config.set(StrataOptions.ICEBERG_WAREHOUSE, warehouse.toUri().toString());
        config.set(StrataOptions.CHECKPOINT_INTERVAL, Duration.ofSeconds(1));
        config.set(BronzeIngestOptions.GROUP_ID, run);
        config.set(BronzeIngestOptions.TOPIC_PATTERN, "(raw|cdc)\\." + run + "(\\..+)?");
        config.set(
                BronzeIngestOptions.MAX_RECORD_SIZE,
                org.apache.flink.configuration.MemorySize.parse("4kb"));
        return config;
    }

    private static Source<RawKafkaRecord, ?, ?> boundedSource(Configuration config, String run) {
        return KafkaSources.rawRecords(
                        config,
                        Pattern.compile(config.get(BronzeIngestOptions.TOPIC_PATTERN)),
                        run,
                        OffsetsInitializer.earliest(),
                        Duration.ofMinutes(1))
                .setBounded(OffsetsInitializer.latest())
                .build();
    }

    private static BronzeSinks collect(CollectingSink<BronzeEvent> duplicates) {
        return new BronzeSinks() {
            @Override
            public void events(DataStream<BronzeEvent> events, Uids uids) {}

            @Override
            public void quarantine(DataStream<io.strata.model.ops.QuarantineRecord> q, Uids uids) {}

            @Override
            public void duplicates(DataStream<BronzeEvent> d, Uids uids) {
                d.addSink(duplicates).uid(uids.of("test-duplicates")).name("duplicates");
            }
        };
    }

    /** The topics for silver-conform hold the same records as the tables, keyed as documented. */
    private static void assertKafkaMatchesIceberg(
            Configuration config, List<Record> bronze, List<Record> quarantine) throws Exception {
        String servers = config.get(StrataOptions.KAFKA_BOOTSTRAP_SERVERS);
        String registry = config.get(StrataOptions.SCHEMA_REGISTRY_URL);
        List<TopicReader.Keyed<BronzeEvent>> events =
                TopicReader.readAll(
                        servers,
                        config.get(BronzeIngestOptions.EVENTS_TOPIC),
                        BronzeEvent.class,
                        registry);
        assertThat(events)
                .extracting(
                        e ->
                                e.value().getTenantId()
                                        + "/"
                                        + e.value().getEventId()
                                        + "/"
                                        + e.value().getChecksum())
                .containsExactlyInAnyOrderElementsOf(
                        bronze.stream()
                                .map(
                                        r ->
                                                r.getField("tenant_id")
                                                        + "/"
                                                        + r.getField("event_id")
                                                        + "/"
                                                        + r.getField("checksum"))
                                .toList());
        assertThat(events)
                .allSatisfy(e -> assertThat(e.key()).isEqualTo(BronzeKafkaKeys.event(e.value())));
        assertThat(events)
                .filteredOn(e -> e.value().getSource().getCdcTable() != null)
                .extracting(TopicReader.Keyed::key)
                .contains("acme|public.customers:1", "acme|public.customers:2");
        List<TopicReader.Keyed<QuarantineRecord>> refused =
                TopicReader.readAll(
                        servers,
                        config.get(BronzeIngestOptions.QUARANTINE_TOPIC),
                        QuarantineRecord.class,
                        registry);
        assertThat(refused)
                .extracting(q -> q.value().getRawSha256())
                .containsExactlyInAnyOrderElementsOf(
                        quarantine.stream().map(r -> (String) r.getField("raw_sha256")).toList());
    }

    /** The manifest's windows add up, per tenant, to what Bronze holds, dropped and refused. */
    private static void assertManifestAddsUp(Configuration config, SentRecords sent)
            throws Exception {
        List<TopicReader.Keyed<ManifestRecord>> manifest =
                TopicReader.readAll(
                        config.get(StrataOptions.KAFKA_BOOTSTRAP_SERVERS),
                        config.get(StrataOptions.MANIFEST_TOPIC),
                        ManifestRecord.class,
                        config.get(StrataOptions.SCHEMA_REGISTRY_URL));
        Map<String, Long> accepted = new HashMap<>();
        Map<String, Long> dropped = new HashMap<>();
        Map<String, Long> refused = new HashMap<>();
        Map<String, Long> input = new HashMap<>();
        for (TopicReader.Keyed<ManifestRecord> k : manifest) {
            ManifestRecord m = k.value();
            assertThat(m.getLayer()).isEqualTo(Layer.BRONZE);
            String tenant =
                    m.getTenantId().equals(Manifests.UNATTRIBUTED) ? "null" : m.getTenantId();
            long a = m.getRecordCount();
            long d = m.getQualityChecks().getDuplicateCount();
            long q = m.getQualityChecks().getQuarantineCount();
            if (a > 0) {
                accepted.merge(tenant, a, Long::sum);
            }
            dropped.merge(tenant, d, Long::sum);
            refused.merge(tenant, q, Long::sum);
            input.merge(tenant, a + d + q, Long::sum);
        }
        assertThat(input).isEqualTo(sent.perTenant);
        assertThat(accepted)
                .isEqualTo(
                        sent.accepted.keySet().stream()
                                .collect(
                                        groupingBy(
                                                k -> k.substring(0, k.indexOf('/')), counting())));
        assertThat(dropped.entrySet().stream().filter(e -> e.getValue() > 0))
                .containsExactlyInAnyOrderElementsOf(sent.duplicates.entrySet());
        assertThat(refused.values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(sent.quarantined.values().stream().mapToLong(Long::longValue).sum());
    }

    /** Per manifest id: the Bronze rows stamped with it are exactly the record's count. */
    private static void assertEveryEventNamesTheManifestRecordCountingIt(
            Configuration config, List<Record> bronze) {
        Map<String, Long> counted = new HashMap<>();
        for (TopicReader.Keyed<ManifestRecord> k :
                TopicReader.readAll(
                        config.get(StrataOptions.KAFKA_BOOTSTRAP_SERVERS),
                        config.get(StrataOptions.MANIFEST_TOPIC),
                        ManifestRecord.class,
                        config.get(StrataOptions.SCHEMA_REGISTRY_URL))) {
            if (k.value().getRecordCount() > 0) {
                counted.merge(k.value().getManifestId(), k.value().getRecordCount(), Long::sum);
            }
        }
        assertThat(countBy(bronze, r -> String.valueOf(r.getField("manifest_id"))))
                .isEqualTo(counted);
    }

    private static List<Record> read(Table table) throws Exception {
        List<Record> rows = new ArrayList<>();
        try (CloseableIterable<Record> it = IcebergGenerics.read(table).build()) {
            it.forEach(r -> rows.add(r.copy()));
        }
        return rows;
    }

    private static Map<String, Long> countBy(
            List<Record> rows, java.util.function.Function<Record, String> key) {
        return rows.stream().collect(groupingBy(key, counting()));
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
