package io.strata.silver.tenants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.strata.common.manifest.ManifestTally;
import io.strata.common.manifest.ManifestTally.Outcome;
import io.strata.common.manifest.ManifestWindow;
import io.strata.model.Layer;
import io.strata.model.QuarantineReason;
import io.strata.model.bronze.BronzeEvent;
import io.strata.model.ops.QuarantineRecord;
import io.strata.model.silver.EntityMeta;
import io.strata.silver.config.CanonicalEntity;
import io.strata.silver.config.TenantConfigs;
import io.strata.silver.state.SilverChange;
import io.strata.silver.state.SilverRecords;
import io.strata.silver.testing.TenantFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.flink.contrib.streaming.state.EmbeddedRocksDBStateBackend;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.StateBackend;
import org.apache.flink.runtime.state.hashmap.HashMapStateBackend;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ConformBronzeEventsTest {

    private static final Duration GRACE = Duration.ofMinutes(2);
    private static final String JOB = "silver-conform";
    private static final Instant MONDAY_9AM = Instant.parse("2024-03-04T09:00:00Z");

    /** A snapshot and the id of the checkpoint it was taken at, as a restore sees them. */
    record Restore(long checkpointId, OperatorSubtaskState state) {}

    record Backend(String name, Supplier<StateBackend> create) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Backend> backends() {
        return List.of(
                new Backend("heap", HashMapStateBackend::new),
                new Backend("rocksdb", EmbeddedRocksDBStateBackend::new));
    }

    @ParameterizedTest
    @MethodSource("backends")
    void anEventOfANewSchemaVersionWaitsForTheConfigurationThatAddsIt(Backend backend)
            throws Exception {
        try (var harness = harness(backend, List.of(Hooli.config()), null)) {
            harness.processElement(Hooli.purchase("8", "P-8", "gavin", MONDAY_9AM, 8), 0);
            assertThat(harness.extractOutputValues()).isEmpty();
            assertThat(quarantined(harness)).isEmpty();

            String yaml = Hooli.withVersionLike7("8");
            harness.processBroadcastElement(
                    new TenantConfigUpdate(
                            Hooli.TENANT,
                            "config.tenants/0@1",
                            yaml,
                            TenantConfigs.parse("fixed", yaml).orThrow().get(0).configVersion()),
                    0);

            assertThat(entitiesAndKeys(harness.extractOutputValues())).contains("order P-8");
            harness.setProcessingTime(GRACE.toMillis() + 1);
            assertThat(quarantined(harness)).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void anEventWaitsForItsTenantsConfigurationAndConformsWhenItArrives(Backend backend)
            throws Exception {
        try (var harness = harness(backend, List.of(), null)) {
            harness.processElement(Hooli.purchase("P-1", "gavin", MONDAY_9AM, 1), 0);
            harness.processElement(Hooli.purchase("P-2", "gavin", MONDAY_9AM, 2), 0);
            assertThat(harness.extractOutputValues()).isEmpty();
            assertThat(quarantined(harness)).isEmpty();

            harness.setProcessingTime(GRACE.toMillis() / 2);
            harness.processBroadcastElement(Hooli.config(), 0);

            assertThat(entitiesAndKeys(harness.extractOutputValues()))
                    .containsExactlyInAnyOrder(
                            "customer gavin",
                            "order P-1",
                            "product box-3",
                            "product pin-1",
                            "order_line P-1|1",
                            "order_line P-1|2",
                            "customer gavin",
                            "order P-2",
                            "product box-3",
                            "product pin-1",
                            "order_line P-2|1",
                            "order_line P-2|2");
            assertThat(harness.extractOutputValues())
                    .allSatisfy(c -> assertThat(c.sourceOffset).isIn(1L, 2L));

            harness.setProcessingTime(GRACE.toMillis() + 1);
            assertThat(quarantined(harness)).isEmpty();
            assertThat(harness.extractOutputValues()).hasSize(12);
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void anEventOfAnUnknownTenantIsRefusedAfterTheGracePeriod(Backend backend) throws Exception {
        try (var harness = harness(backend, List.of(), null)) {
            harness.processElement(Hooli.purchase("P-1", "gavin", MONDAY_9AM, 1), 0);
            harness.setProcessingTime(GRACE.toMillis() - 1);
            assertThat(quarantined(harness)).isEmpty();

            harness.setProcessingTime(GRACE.toMillis());

            assertThat(quarantined(harness))
                    .singleElement()
                    .satisfies(
                            q -> {
                                assertThat(q.getReason())
                                        .isEqualTo(QuarantineReason.UNKNOWN_TENANT);
                                assertThat(q.getReasonDetail()).contains("'hooli'", "PT2M");
                                assertThat(q.getTenantId()).isEqualTo("hooli");
                                assertThat(q.getSource().getOffset()).isEqualTo(1);
                            });
            assertThat(harness.extractOutputValues()).isEmpty();

            // Released and refused events leave no state behind.
            harness.processBroadcastElement(Hooli.config(), 0);
            assertThat(harness.extractOutputValues()).isEmpty();
        }
    }

    @Test
    void theEndOfABoundedInputRefusesWhatStillWaits() throws Exception {
        try (var harness = harness(backends().get(0), List.of(), null)) {
            harness.processElement(Hooli.purchase("P-1", "gavin", MONDAY_9AM, 1), 0);

            harness.processWatermark(Long.MAX_VALUE);
            harness.processBroadcastWatermark(Long.MAX_VALUE);

            assertThat(quarantined(harness))
                    .singleElement()
                    .satisfies(q -> assertThat(q.getReasonDetail()).contains("end of the input"));
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void waitingEventsSurviveSnapshotAndRestore(Backend backend) throws Exception {
        OperatorSubtaskState snapshot;
        try (var harness = harness(backend, List.of(), null)) {
            harness.processElement(Hooli.purchase("P-1", "gavin", MONDAY_9AM, 1), 0);
            snapshot = harness.snapshot(1L, 10L);
        }
        try (var restored = harness(backend, List.of(), new Restore(1L, snapshot))) {
            restored.processBroadcastElement(Hooli.config(), 0);

            assertThat(entitiesAndKeys(restored.extractOutputValues())).contains("order P-1");
        }
    }

    @Test
    void startUpConfigurationsConformAtOnceAndAPublishedRemovalWins() throws Exception {
        try (var harness = harness(backends().get(0), List.of(Hooli.config()), null)) {
            harness.processElement(Hooli.purchase("P-1", "gavin", MONDAY_9AM, 1), 0);
            assertThat(harness.extractOutputValues()).hasSize(6);
            assertThat(harness.extractOutputValues())
                    .allSatisfy(c -> assertThat(c.tenant).isEqualTo("hooli"));

            harness.processBroadcastElement(TenantConfigUpdate.removal("hooli", "t/0@1"), 0);
            harness.processElement(Hooli.purchase("P-2", "gavin", MONDAY_9AM, 2), 0);
            harness.setProcessingTime(GRACE.toMillis());

            assertThat(harness.extractOutputValues()).hasSize(6);
            assertThat(quarantined(harness))
                    .extracting(QuarantineRecord::getReason)
                    .containsExactly(QuarantineReason.UNKNOWN_TENANT);
        }
    }

    @Test
    void tierOneRefusalsCarryTheConfigVersionAndTheBronzeReference() throws Exception {
        try (var harness = harness(backends().get(0), List.of(Hooli.config()), null)) {
            BronzeEvent unknownVersion = Hooli.ofVersion("8", MONDAY_9AM, 5);
            unknownVersion.setManifestId("BRONZE/hooli/raw.webhooks/bronze-ingest:3");
            harness.processElement(unknownVersion, 0);
            assertThat(quarantined(harness))
                    .as("waits for a configuration with its version")
                    .isEmpty();
            harness.setProcessingTime(GRACE.toMillis());

            assertThat(quarantined(harness))
                    .singleElement()
                    .satisfies(
                            q -> {
                                assertThat(q.getReason())
                                        .isEqualTo(QuarantineReason.UNKNOWN_SCHEMA_VERSION);
                                assertThat(q.getConfigVersion()).isEqualTo(Hooli.VERSION);
                                assertThat(q.getRule()).as("refused as a whole").isNull();
                                assertThat(q.getSource()).isEqualTo(unknownVersion.getSource());
                                assertThat(q.getRawSha256())
                                        .isEqualTo(unknownVersion.getChecksum());
                                assertThat(q.getEventId()).isEqualTo("h-5");
                            });
            assertThat(harness.getSideOutput(ConformBronzeEvents.TALLIES))
                    .extracting(StreamRecord::getValue)
                    .singleElement()
                    .satisfies(
                            t -> {
                                assertThat(t.outcome).isEqualTo(Outcome.QUARANTINED);
                                assertThat(t.tenant).isEqualTo(Hooli.TENANT);
                                assertThat(t.offset).isEqualTo(5);
                                assertThat(t.parent)
                                        .isEqualTo("BRONZE/hooli/raw.webhooks/bronze-ingest:3");
                            });
        }
    }

    @Test
    void theConfigVersionInForceIsOnEveryRow() throws Exception {
        try (var harness = harness(backends().get(0), List.of(acme(), Hooli.config()), null)) {
            harness.processElement(Hooli.purchase("P-1", "gavin", MONDAY_9AM, 1), 0);

            SilverRecords records = new SilverRecords();
            assertThat(harness.extractOutputValues())
                    .isNotEmpty()
                    .extracting(c -> meta(records, c).getConfigVersion())
                    .containsOnly(Hooli.VERSION);
        }
    }

    @Test
    void everyRowCarriesTheIdOfTheSilverManifestRecordThatCountsItsEvent() throws Exception {
        try (var harness = harness(backends().get(0), List.of(Hooli.config()), null)) {
            harness.processElement(Hooli.purchase("P-1", "gavin", MONDAY_9AM, 1), 0);
            harness.snapshot(1L, 10L);
            harness.processElement(Hooli.cancel("P-1", MONDAY_9AM.plusSeconds(60), 2), 0);

            String first = "SILVER/hooli/raw.webhooks/silver-conform:1";
            String second = "SILVER/hooli/raw.webhooks/silver-conform:2";
            assertThat(talliedManifestIds(harness))
                    .containsOnly(entry(1L, first), entry(2L, second));
            assertThat(rowManifestIds(harness.extractOutputValues()))
                    .containsOnly(entry(1L, Set.of(first)), entry(2L, Set.of(second)));
            assertThat(harness.extractOutputValues())
                    .as("the cancellation is a delete")
                    .filteredOn(c -> c.sourceOffset == 2)
                    .extracting(c -> c.entity + " " + c.key + " " + c.deleted)
                    .containsExactly("order P-1 true");
        }
    }

    @Test
    void aRestoredInstanceStampsTheWindowAfterTheRestoredCheckpoint() throws Exception {
        OperatorSubtaskState snapshot;
        try (var harness = harness(backends().get(0), List.of(Hooli.config()), null)) {
            harness.processElement(Hooli.purchase("P-1", "gavin", MONDAY_9AM, 1), 0);
            snapshot = harness.snapshot(7L, 10L);
        }
        try (var restored =
                harness(backends().get(0), List.of(Hooli.config()), new Restore(7L, snapshot))) {
            restored.processElement(Hooli.purchase("P-2", "gavin", MONDAY_9AM, 2), 0);

            String eighth = "SILVER/hooli/raw.webhooks/silver-conform:8";
            assertThat(talliedManifestIds(restored)).containsOnly(entry(2L, eighth));
            assertThat(rowManifestIds(restored.extractOutputValues()))
                    .containsOnly(entry(2L, Set.of(eighth)));
        }
    }

    private static KeyedBroadcastOperatorTestHarness<
                    String, BronzeEvent, TenantConfigUpdate, SilverChange>
            harness(Backend backend, List<TenantConfigUpdate> startup, Restore restore)
                    throws Exception {
        var harness =
                new KeyedBroadcastOperatorTestHarness<>(
                        new CoBroadcastWithKeyedOperator<>(
                                new ConformBronzeEvents(startup, GRACE, JOB),
                                List.of(TenantConfigState.DESCRIPTOR)),
                        new BronzeEventKey(),
                        BronzeEventKey.TYPE,
                        1,
                        1,
                        0);
        harness.getExecutionConfig().disableGenericTypes();
        harness.setStateBackend(backend.create().get());
        if (restore != null) {
            harness.setRestoredCheckpointId(restore.checkpointId());
            harness.initializeState(restore.state());
        }
        harness.open();
        return harness;
    }

    /** The Silver manifest ids on the rows, by the Bronze offset of their event. */
    private static Map<Long, Set<String>> rowManifestIds(List<SilverChange> changes) {
        SilverRecords records = new SilverRecords();
        return changes.stream()
                .collect(
                        Collectors.groupingBy(
                                c -> c.sourceOffset,
                                Collectors.mapping(
                                        c -> meta(records, c).getManifestId(),
                                        Collectors.toSet())));
    }

    /** The id of the Silver manifest record each tally counts in, by the Bronze offset. */
    private static Map<Long, String> talliedManifestIds(
            KeyedBroadcastOperatorTestHarness<?, ?, ?, ?> harness) {
        return harness.getSideOutput(ConformBronzeEvents.TALLIES).stream()
                .map(StreamRecord::getValue)
                .collect(
                        Collectors.toMap(
                                t -> t.offset,
                                (ManifestTally t) ->
                                        ManifestWindow.manifestId(
                                                Layer.SILVER, t.tenant, t.source, JOB, t.window)));
    }

    private static List<QuarantineRecord> quarantined(
            KeyedBroadcastOperatorTestHarness<?, ?, ?, ?> harness) {
        var out = harness.getSideOutput(ConformBronzeEvents.QUARANTINE);
        return out == null ? List.of() : out.stream().map(r -> r.getValue()).toList();
    }

    private static TenantConfigUpdate acme() throws IOException {
        return new TenantConfigUpdate(
                "acme",
                "acme.yaml",
                Files.readString(TenantFiles.DIR.resolve("acme.yaml")),
                TenantFiles.of("acme").configVersion());
    }

    private static EntityMeta meta(SilverRecords records, SilverChange c) {
        CanonicalEntity entity = CanonicalEntity.byName(c.entity);
        return (EntityMeta) records.decode(entity, c.record).get(entity.metaPosition());
    }

    private static List<String> entitiesAndKeys(List<SilverChange> changes) {
        return changes.stream().map(c -> c.entity + " " + c.key.replace('\u001F', '|')).toList();
    }
}
