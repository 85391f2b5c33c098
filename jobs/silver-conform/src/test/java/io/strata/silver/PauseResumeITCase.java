package io.strata.silver;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.common.config.StrataOptions;
import io.strata.common.control.TenantControl;
import io.strata.common.control.TenantControlTopic;
import io.strata.common.control.TenantState;
import io.strata.common.flink.StrataEnvironment;
import io.strata.common.serde.ConfluentAvroDeserializer;
import io.strata.common.serde.RegistryClientConfig;
import io.strata.model.bronze.BronzeEvent;
import io.strata.model.ops.ManifestRecord;
import io.strata.model.ops.ManifestStatus;
import io.strata.silver.config.TenantConfigs;
import io.strata.silver.tenants.Hooli;
import io.strata.silver.tenants.TenantConfigUpdate;
import io.strata.testing.FlinkMiniCluster;
import io.strata.testing.TestServices;
import io.strata.testing.TopicReader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pause and resume of a tenant on the whole job (MiniCluster, the real in-process Kafka and
 * registry): while T (hooli) is paused, U (hooli's configuration under another tenant id) reaches
 * Silver and T does not, across a stop with savepoint and a restart from it; on resume each of T's
 * orders reaches Silver once, in the order its events arrived.
 */
class PauseResumeITCase {

    private static final Duration WAIT = Duration.ofMinutes(3);
    private static final String T = Hooli.TENANT;
    private static final String U = "hooly";
    private static final Instant MONDAY_9AM = Instant.parse("2026-11-16T09:00:00Z");

    @RegisterExtension static final MiniClusterExtension FLINK = FlinkMiniCluster.extension();

    @TempDir Path savepoints;

    private final String name = "spr" + Long.toString(System.nanoTime(), 36);
    private final List<String> sentT = new ArrayList<>();
    private long offset = 1;

    @Test
    void aPausedTenantIsHeldAcrossASavepointAndConformedOnceInOrderOnResume() throws Exception {
        try (BronzeTopics topics =
                new BronzeTopics(TestServices.kafka(), TestServices.registry().url(), name)) {
            Configuration config = topics.jobConfig();
            TenantControlTopic.publish(config, control(TenantState.PAUSED));
            JobClient job = submit(config);
            // The job is up and conforming (its control source read the pause long before).
            send(topics, U, 0);
            awaitOrders(config, U, 1);

            for (int i = 1; i <= 8; i++) {
                send(topics, T, i);
                send(topics, U, i);
            }
            awaitOrders(config, U, 9);
            awaitHeld(config, 8);
            assertThat(orders(config, T)).isEmpty();

            String savepoint =
                    job.stopWithSavepoint(
                                    false,
                                    savepoints.toUri().toString(),
                                    SavepointFormatType.CANONICAL)
                            .get();
            Configuration restore = new Configuration(config);
            restore.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
            job = submit(restore);

            send(topics, T, 9);
            send(topics, U, 9);
            awaitOrders(config, U, 10);
            awaitHeld(config, 9);
            assertThat(orders(config, T)).isEmpty();

            TenantControlTopic.publish(config, control(TenantState.ACTIVE));
            awaitOrders(config, T, 9);
            // One more checkpoint after the release: the last manifest records are committed.
            send(topics, U, 10);
            awaitOrders(config, U, 11);
            job.cancel().get();

            assertThat(orders(config, T)).containsExactlyElementsOf(sentT);
            long conformedT = 0;
            boolean pausedSeen = false;
            for (ManifestRecord m : manifest(config)) {
                if (m.getTenantId().equals(U)) {
                    assertThat(m.getStatus()).isEqualTo(ManifestStatus.COMPLETE);
                } else if (m.getTenantId().equals(T)) {
                    boolean paused = m.getQualityChecks().getHeldCount() > 0;
                    pausedSeen |= paused;
                    assertThat(m.getStatus())
                            .isEqualTo(paused ? ManifestStatus.PAUSED : ManifestStatus.COMPLETE);
                    conformedT += m.getRecordCount();
                }
            }
            assertThat(pausedSeen).isTrue();
            assertThat(conformedT).isEqualTo(9);
        }
    }

    private JobClient submit(Configuration config) throws Exception {
        StreamExecutionEnvironment env = StrataEnvironment.create(config);
        env.setParallelism(1);
        new SilverConformTopology(
                        config,
                        SilverConformJob.bronzeSource(config),
                        SilverConformJob.tenantSource(config),
                        SilverConformJob.controlSource(config),
                        List.of(Hooli.config(), hoolyConfig()),
                        SilverConformJob.sinks(config))
                .build(env);
        return env.executeAsync("silver-conform-" + name);
    }

    /** Hooli's configuration under tenant id {@link #U}. */
    private static TenantConfigUpdate hoolyConfig() {
        String yaml = Hooli.YAML.replace("tenant: " + T, "tenant: " + U);
        String version = TenantConfigs.parse(U + ".yaml", yaml).orThrow().get(0).configVersion();
        return new TenantConfigUpdate(U, "config.tenants/0@1", yaml, version);
    }

    /** Purchase {@code <TENANT>-<i>} of {@code tenant}, at minute {@code i}. */
    private void send(BronzeTopics topics, String tenant, int i) {
        String ref = tenant.toUpperCase(java.util.Locale.ROOT) + "-" + i;
        BronzeEvent e =
                Hooli.purchase(ref, "gavin", MONDAY_9AM.plus(Duration.ofMinutes(i)), offset++);
        e.setTenantId(tenant);
        topics.send(List.of(e));
        if (tenant.equals(T)) {
            sentT.add(tenant + "|" + ref);
        }
    }

    private static TenantControl control(TenantState state) {
        return new TenantControl(T, state, Instant.now(), "PauseResumeITCase", "test");
    }

    /** The keys ({@code tenant|ref}) of {@code tenant}'s committed Silver orders, in order. */
    private static List<String> orders(Configuration config, String tenant) {
        return TopicReader.readAll(
                        config.get(StrataOptions.KAFKA_BOOTSTRAP_SERVERS),
                        config.get(SilverConformOptions.TOPIC_PREFIX) + "order",
                        bytes -> bytes.length)
                .stream()
                .map(TopicReader.Keyed::key)
                .filter(k -> k.startsWith(tenant + "|"))
                .toList();
    }

    private static List<ManifestRecord> manifest(Configuration config) {
        ConfluentAvroDeserializer<ManifestRecord> values =
                new ConfluentAvroDeserializer<>(
                        ManifestRecord.class,
                        RegistryClientConfig.of(config.get(StrataOptions.SCHEMA_REGISTRY_URL)));
        return TopicReader.readAll(
                        config.get(StrataOptions.KAFKA_BOOTSTRAP_SERVERS),
                        config.get(StrataOptions.MANIFEST_TOPIC),
                        values::deserialize)
                .stream()
                .map(TopicReader.Keyed::value)
                .toList();
    }

    private static void awaitOrders(Configuration config, String tenant, int count)
            throws InterruptedException {
        await(() -> orders(config, tenant).size() >= count, count + " orders of " + tenant);
    }

    /** Until the committed manifest counts {@code count} held events of T. */
    private static void awaitHeld(Configuration config, long count) throws InterruptedException {
        await(
                () ->
                        manifest(config).stream()
                                        .filter(m -> m.getTenantId().equals(T))
                                        .mapToLong(m -> m.getQualityChecks().getHeldCount())
                                        .sum()
                                >= count,
                count + " held events of " + T + " in the manifest");
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
}
