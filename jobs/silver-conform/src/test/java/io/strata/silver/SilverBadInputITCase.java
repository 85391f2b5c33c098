package io.strata.silver;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.common.config.StrataOptions;
import io.strata.common.flink.StrataEnvironment;
import io.strata.common.kafka.DeliveryMode;
import io.strata.common.manifest.Manifests;
import io.strata.common.serde.ConfluentAvroDeserializer;
import io.strata.common.serde.ConfluentAvroSerializer;
import io.strata.common.serde.RegistryClientConfig;
import io.strata.model.bronze.BronzeEvent;
import io.strata.model.ops.ManifestRecord;
import io.strata.silver.config.CanonicalEntity;
import io.strata.silver.testing.BronzeEvents;
import io.strata.silver.testing.TenantFiles;
import io.strata.testing.TestServices;
import io.strata.testing.TopicReader;
import io.strata.testing.badinput.RunningJobs;
import io.strata.workload.Workload;
import io.strata.workload.WorkloadOptions;
import io.strata.workload.WorkloadParams;
import io.strata.workload.raw.RawRecord;
import io.strata.workload.raw.RawStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.iceberg.data.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The silver-conform corpus ({@code bad-input/silver-conform.json}: bad Avro framing and bodies,
 * tombstones, unknown tenants, versions and record types, null keys, wrong types) among valid
 * Bronze events of three tenants on the Bronze topic, through the running job (restarts allowed):
 * it never fails or restarts, each bad record has exactly one quarantine row with its reason and
 * tenant, no valid event is refused, the manifest counts every record once per tenant, and every
 * Silver row carries the tenant of the Bronze event it came from.
 */
class SilverBadInputITCase {

    private static final InMemoryReporter METRICS = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension static final MiniClusterExtension FLINK = RunningJobs.cluster(METRICS);

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final String name = "sb" + Long.toString(System.nanoTime(), 36);

    @Test
    void everyKindOfBadBronzeRecordIsQuarantinedWithItsReasonAndTenant() throws Exception {
        List<BronzeEvent> valid = new ArrayList<>();
        Map<String, RawRecord> bases = new HashMap<>();
        for (RawRecord r : validRecords()) {
            valid.add(BronzeEvents.fromRaw(r));
            if (r.valueText().contains("\"sales_order\"")) {
                bases.putIfAbsent(r.tenant(), r);
            }
        }
        Configuration config;
        List<SilverBadInput.Entry> bad;
        try (BronzeTopics topics =
                new BronzeTopics(TestServices.kafka(), TestServices.registry().url(), name)) {
            config = config(topics);
            bad =
                    SilverBadInput.entries(
                            bases,
                            ConfluentAvroSerializer.forValue(
                                    BronzeEvent.class,
                                    topics.events,
                                    RegistryClientConfig.of(TestServices.registry().url())));
            topics.send(valid.subList(0, valid.size() / 2));
            bad.forEach(b -> topics.sendPoison(b.key(), b.value()));
            topics.send(valid.subList(valid.size() / 2, valid.size()));
        }
        Map<String, Long> sentPerTenant = sentPerTenant(valid, bad);

        JobClient job = start(config);
        awaitCounted(config, sentPerTenant);
        RunningJobs.assertRanThrough(job, METRICS);

        assertThat(counted(config)).isEqualTo(sentPerTenant);
        assertThat(quarantined(config)).isEqualTo(expected(bad));
        assertEveryRowCarriesItsEventsTenant(config, valid);
        assertThat(bad).extracting(SilverBadInput.Entry::kind).hasSizeGreaterThanOrEqualTo(12);
    }

    private static List<RawRecord> validRecords() {
        WorkloadParams params =
                WorkloadParams.builder()
                        .seed(33)
                        .events(200)
                        .set(WorkloadOptions.MALFORMED_RATE, 0.0)
                        .set(WorkloadOptions.DUPLICATE_RATE, 0.0)
                        .set(WorkloadOptions.LATE_RATE, 0.0)
                        .build();
        List<RawRecord> valid = new ArrayList<>();
        for (RawStream records = Workload.of(params).records(); records.hasNext(); ) {
            RawRecord r = records.next();
            if (r.fault() == null && !r.isDuplicate()) {
                if (List.of("acme", "globex", "initech").contains(r.tenant())) {
                    valid.add(r);
                }
            }
        }
        return valid;
    }

    /** Per tenant, records sent: events by their tenant, unreadable bytes by their key's. */
    private static Map<String, Long> sentPerTenant(
            List<BronzeEvent> valid, List<SilverBadInput.Entry> bad) {
        Map<String, Long> sent = new TreeMap<>();
        valid.forEach(e -> sent.merge(e.getTenantId(), 1L, Long::sum));
        bad.forEach(
                b ->
                        sent.merge(
                                b.tenant() == null ? Manifests.UNATTRIBUTED : b.tenant(),
                                1L,
                                Long::sum));
        return sent;
    }

    /** Per tenant, what the Silver manifest counts: conformed plus quarantined records. */
    private static Map<String, Long> counted(Configuration config) {
        ConfluentAvroDeserializer<ManifestRecord> values =
                new ConfluentAvroDeserializer<>(
                        ManifestRecord.class,
                        RegistryClientConfig.of(TestServices.registry().url()));
        Map<String, Long> counted = new TreeMap<>();
        for (TopicReader.Keyed<ManifestRecord> k :
                TopicReader.readAll(
                        config.get(StrataOptions.KAFKA_BOOTSTRAP_SERVERS),
                        config.get(StrataOptions.MANIFEST_TOPIC),
                        values::deserialize)) {
            ManifestRecord m = k.value();
            counted.merge(
                    m.getTenantId(),
                    m.getRecordCount() + m.getQualityChecks().getQuarantineCount(),
                    Long::sum);
        }
        return counted;
    }

    private static void awaitCounted(Configuration config, Map<String, Long> sent)
            throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!counted(config).equals(sent) && System.nanoTime() < deadline) {
            Thread.sleep(1_000);
        }
        Thread.sleep(config.get(StrataOptions.CHECKPOINT_INTERVAL).toMillis() * 3);
    }

    /** Each quarantine row as {@code reason:tenant:event-id-or-key}, sorted. */
    private static List<String> quarantined(Configuration config) {
        List<String> rows = new ArrayList<>();
        for (Record r : SilverContent.quarantine(config)) {
            Object eventId = r.getField("event_id");
            rows.add(r.getField("reason") + ":" + r.getField("tenant_id") + ":" + eventId);
        }
        rows.sort(null);
        return rows;
    }

    private static List<String> expected(List<SilverBadInput.Entry> bad) {
        List<String> rows = new ArrayList<>();
        for (SilverBadInput.Entry b : bad) {
            rows.add(b.expect() + ":" + b.tenant() + ":" + idOf(b));
        }
        rows.sort(null);
        return rows;
    }

    /** The event id a refusal names: the event's, else the id part of the key (tenant|id). */
    private static String idOf(SilverBadInput.Entry b) {
        if (b.eventId() != null && !b.expect().equals("POISON_AVRO")) {
            return b.eventId();
        }
        return b.key() == null ? null : b.key().substring(b.key().indexOf('|') + 1);
    }

    private static void assertEveryRowCarriesItsEventsTenant(
            Configuration config, List<BronzeEvent> valid) {
        Set<String> events = new HashSet<>();
        valid.forEach(e -> events.add(e.getTenantId() + "/" + e.getEventId()));
        SilverContent silver = SilverContent.read(config);
        for (CanonicalEntity entity : CanonicalEntity.values()) {
            for (Record row : silver.tables.get(entity)) {
                Record meta = SilverContent.meta(row);
                assertThat(meta.getField("tenant_id") + "/" + meta.getField("source_event_id"))
                        .as("%s row of %s", entity, meta.getField("tenant_id"))
                        .isIn(events);
            }
        }
    }

    private JobClient start(Configuration config) throws Exception {
        StreamExecutionEnvironment env = StrataEnvironment.create(config);
        env.setParallelism(1);
        new SilverConformTopology(
                        config,
                        SilverConformJob.bronzeSource(config),
                        SilverConformJob.tenantSource(config),
                        SilverConformJob.controlSource(config),
                        SilverConformJob.startupConfigs(config),
                        SilverConformJob.sinks(config))
                .build(env);
        return env.executeAsync("silver-conform-" + name);
    }

    private Configuration config(BronzeTopics topics) {
        Configuration c = topics.jobConfig();
        c.set(StrataOptions.CHECKPOINT_INTERVAL, Duration.ofMillis(500));
        c.set(SilverConformOptions.TENANTS_DIRECTORY, TenantFiles.DIR.toString());
        c.set(SilverConformOptions.UNKNOWN_TENANT_GRACE, Duration.ofSeconds(2));
        // Not transactional: see BadInputRun in bronze-ingest's tests (the connector's known
        // OutOfOrderSequenceException stall); without restarts each record is written once.
        c.set(StrataOptions.KAFKA_DELIVERY, DeliveryMode.AT_LEAST_ONCE);
        c.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        c.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
        c.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(200));
        return c;
    }
}
