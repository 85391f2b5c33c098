package io.strata.bronze;

import static io.strata.bronze.RawRecords.MONDAY_9AM;
import static io.strata.bronze.RawRecords.platform;
import static org.assertj.core.api.Assertions.assertThat;

import io.strata.bronze.sink.BronzeSinks;
import io.strata.common.config.StrataOptions;
import io.strata.common.control.TenantControl;
import io.strata.common.control.TenantControlStream;
import io.strata.common.control.TenantControlTopic;
import io.strata.common.control.TenantState;
import io.strata.common.flink.StrataEnvironment;
import io.strata.common.kafka.KafkaSources;
import io.strata.model.bronze.BronzeEvent;
import io.strata.model.ops.ManifestRecord;
import io.strata.model.ops.ManifestStatus;
import io.strata.testing.FlinkMiniCluster;
import io.strata.testing.KafkaBroker;
import io.strata.testing.TestServices;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.state.KeyGroupRangeAssignment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pause and resume of a tenant on the whole job (MiniCluster, parallelism 2, the real in-process
 * Kafka and registry, Iceberg Hadoop catalog): while T is paused U reaches Bronze and T does not,
 * across a stop with savepoint and a restart from it; on resume every one of T's events arrives
 * once, in arrival order per hold instance, and its duplicate is dropped.
 */
class PauseResumeITCase {

    private static final int PARALLELISM = 2;
    private static final Duration WAIT = Duration.ofMinutes(3);
    private static final String T = "tee";
    private static final String U = "you";

    @RegisterExtension static final MiniClusterExtension FLINK = FlinkMiniCluster.extension();

    @TempDir Path warehouse;
    @TempDir Path savepoints;

    private final String run = "pr" + Long.toString(System.nanoTime(), 36);
    private final String raw = "raw." + run;
    private final List<String> sentT = new ArrayList<>();

    @Test
    void aPausedTenantIsHeldAcrossASavepointAndReleasedOnceInOrder() throws Exception {
        KafkaBroker kafka = TestServices.kafka();
        kafka.createTopic(raw, 1);
        Configuration config = config(kafka.bootstrapServers());
        kafka.createTopic(config.get(BronzeIngestOptions.EVENTS_TOPIC), 1);
        TenantControlTopic.publish(config, control(TenantState.PAUSED));

        try (SentRecords sent = new SentRecords(kafka.bootstrapServers())) {
            JobClient job = submit(config);
            // The job is up and reading (its control source read the pause long before).
            send(sent, U, "u0", 0);
            awaitEvents(config, U, 1);

            for (int i = 1; i <= 12; i++) {
                send(sent, T, "t" + i, i);
                send(sent, U, "u" + i, i);
            }
            sent.duplicate(raw, 0, T, platform(T, "t2", minute(2)).bytes());
            awaitEvents(config, U, 13);
            awaitHeld(config, 13);
            assertThat(events(config, T)).isEmpty();

            String savepoint =
                    job.stopWithSavepoint(
                                    false,
                                    savepoints.toUri().toString(),
                                    SavepointFormatType.CANONICAL)
                            .get();
            Configuration restore = new Configuration(config);
            restore.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
            job = submit(restore);

            send(sent, T, "t13", 13);
            send(sent, U, "u13", 13);
            awaitEvents(config, U, 14);
            awaitHeld(config, 14);
            assertThat(events(config, T)).isEmpty();

            TenantControlTopic.publish(config, control(TenantState.ACTIVE));
            awaitEvents(config, T, 13);
            // One more checkpoint after the release: the last manifest records are committed.
            send(sent, U, "u14", 14);
            awaitEvents(config, U, 15);
            job.cancel().get();
        }

        List<String> released = events(config, T);
        assertThat(released).containsExactlyInAnyOrderElementsOf(sentT);
        Map<Integer, List<String>> sentPerInstance = perHoldInstance(sentT);
        assertThat(sentPerInstance).as("T's events are held on both instances").hasSize(2);
        assertThat(perHoldInstance(released)).isEqualTo(sentPerInstance);

        Map<ManifestStatus, Long> statusesOfT = new HashMap<>();
        long acceptedT = 0;
        long duplicatesT = 0;
        for (ManifestRecord m : manifest(config)) {
            if (m.getTenantId().equals(U)) {
                assertThat(m.getStatus()).isEqualTo(ManifestStatus.COMPLETE);
            } else if (m.getTenantId().equals(T)) {
                statusesOfT.merge(m.getStatus(), 1L, Long::sum);
                assertThat(m.getStatus())
                        .isEqualTo(
                                m.getQualityChecks().getHeldCount() > 0
                                        ? ManifestStatus.PAUSED
                                        : ManifestStatus.COMPLETE);
                acceptedT += m.getRecordCount();
                duplicatesT += m.getQualityChecks().getDuplicateCount();
            }
        }
        assertThat(statusesOfT).containsKeys(ManifestStatus.PAUSED, ManifestStatus.COMPLETE);
        assertThat(acceptedT).isEqualTo(13);
        assertThat(duplicatesT).isEqualTo(1);
    }

    private JobClient submit(Configuration config) throws Exception {
        StreamExecutionEnvironment env = StrataEnvironment.create(config);
        env.setParallelism(PARALLELISM);
        new BronzeIngestTopology(
                        config,
                        KafkaSources.rawRecords(
                                        config,
                                        Pattern.compile(Pattern.quote(raw)),
                                        run,
                                        OffsetsInitializer.earliest(),
                                        Duration.ofMinutes(1))
                                .build(),
                        TenantControlStream.source(config, run, Duration.ofSeconds(1)),
                        BronzeSinks.all(List.of(BronzeIngestJob.sinks(config))))
                .build(env);
        return env.executeAsync("bronze-ingest-pause-resume");
    }

    private void send(SentRecords sent, String tenant, String id, int minute) {
        sent.accepted(raw, 0, tenant, id, platform(tenant, id, minute(minute)).bytes());
        if (tenant.equals(T)) {
            sentT.add(id);
        }
    }

    /** Event ids of {@code ids} grouped by the hold (and dedupe) instance their key goes to. */
    private static Map<Integer, List<String>> perHoldInstance(List<String> ids) {
        Map<Integer, List<String>> groups = new HashMap<>();
        for (String id : ids) {
            int instance =
                    KeyGroupRangeAssignment.assignKeyToParallelOperator(
                            Tuple2.of(T, id),
                            KeyGroupRangeAssignment.computeDefaultMaxParallelism(PARALLELISM),
                            PARALLELISM);
            groups.computeIfAbsent(instance, k -> new ArrayList<>()).add(id);
        }
        return groups;
    }

    private static TenantControl control(TenantState state) {
        return new TenantControl(T, state, Instant.now(), "PauseResumeITCase", "test");
    }

    private static Instant minute(int i) {
        return MONDAY_9AM.plus(Duration.ofMinutes(i));
    }

    /** The committed Bronze events of {@code tenant}, in topic order. */
    private static List<String> events(Configuration config, String tenant) {
        return TopicReader.readAll(
                        config.get(StrataOptions.KAFKA_BOOTSTRAP_SERVERS),
                        config.get(BronzeIngestOptions.EVENTS_TOPIC),
                        BronzeEvent.class,
                        config.get(StrataOptions.SCHEMA_REGISTRY_URL))
                .stream()
                .map(TopicReader.Keyed::value)
                .filter(e -> e.getTenantId().equals(tenant))
                .map(BronzeEvent::getEventId)
                .toList();
    }

    private static List<ManifestRecord> manifest(Configuration config) {
        return TopicReader.readAll(
                        config.get(StrataOptions.KAFKA_BOOTSTRAP_SERVERS),
                        config.get(StrataOptions.MANIFEST_TOPIC),
                        ManifestRecord.class,
                        config.get(StrataOptions.SCHEMA_REGISTRY_URL))
                .stream()
                .map(TopicReader.Keyed::value)
                .toList();
    }

    private static void awaitEvents(Configuration config, String tenant, int count)
            throws InterruptedException {
        await(() -> events(config, tenant).size() >= count, count + " Bronze events of " + tenant);
    }

    /** Until the committed manifest counts {@code count} held records of T. */
    private static void awaitHeld(Configuration config, long count) throws InterruptedException {
        await(
                () ->
                        manifest(config).stream()
                                        .filter(m -> m.getTenantId().equals(T))
                                        .mapToLong(m -> m.getQualityChecks().getHeldCount())
                                        .sum()
                                >= count,
                count + " held records of " + T + " in the manifest");
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Gave up waiting for " + what + " after " + WAIT);
            }
            Thread.sleep(500);
        }
    }

    private Configuration config(String bootstrapServers) {
        Configuration config = new Configuration();
        config.set(StrataOptions.KAFKA_BOOTSTRAP_SERVERS, bootstrapServers);
        config.set(StrataOptions.SCHEMA_REGISTRY_URL, TestServices.registry().url());
        config.set(StrataOptions.CONTROL_TENANTS_TOPIC, "control.tenants." + run);
        config.set(StrataOptions.MANIFEST_TOPIC, "ops.manifest." + run);
        config.set(StrataOptions.ICEBERG_WAREHOUSE, warehouse.toUri().toString());
        config.set(StrataOptions.CHECKPOINT_INTERVAL, Duration.ofSeconds(1));
        config.set(BronzeIngestOptions.EVENTS_TOPIC, "bronze.events." + run);
        config.set(BronzeIngestOptions.QUARANTINE_TOPIC, "bronze.quarantine." + run);
        config.set(BronzeIngestOptions.TRANSACTIONAL_ID_PREFIX, run);
        config.set(BronzeIngestOptions.GROUP_ID, run);
        return config;
    }
}
