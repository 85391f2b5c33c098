package io.strata.common.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.common.manifest.ManifestTally.Outcome;
import io.strata.model.Layer;
import io.strata.model.ops.ManifestRecord;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.api.java.typeutils.runtime.kryo.KryoSerializer;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class ManifestOperatorsTest {

    private static final long NINE = Instant.parse("2026-11-16T09:00:00Z").toEpochMilli();
    private static final long TEN = Instant.parse("2026-11-16T10:00:00Z").toEpochMilli();

    @Test
    void talliesAndWindowsAreFlinkPojos() {
        assertThat(TypeInformation.of(ManifestTally.class)).isInstanceOf(PojoTypeInfo.class);
        assertThat(TypeInformation.of(TenantWindow.class)).isInstanceOf(PojoTypeInfo.class);
    }

    @Test
    void eachSubtaskEmitsItsWindowJustBeforeTheBarrierAndStartsAfresh() throws Exception {
        try (var harness = new OneInputStreamOperatorTestHarness<>(new TallyPerCheckpoint())) {
            harness.open();
            harness.processElement(tally("acme", Outcome.ACCEPTED, NINE, 0, 10), 0);
            harness.processElement(tally("acme", Outcome.DUPLICATE, NINE, 0, 11), 0);
            harness.processElement(tally("globex", Outcome.QUARANTINED, NINE, 1, 3), 0);
            harness.prepareSnapshotPreBarrier(1);
            harness.processElement(tally("acme", Outcome.ACCEPTED, TEN, 0, 12), 0);
            harness.prepareSnapshotPreBarrier(2);

            List<TenantWindow> windows = harness.extractOutputValues();
            assertThat(windows).hasSize(3);
            TenantWindow acme1 =
                    windows.stream().filter(w -> w.tenant.equals("acme")).findFirst().get();
            assertThat(acme1.accepted).isEqualTo(1);
            assertThat(acme1.duplicates).isEqualTo(1);
            assertThat(acme1.firstOffsets).containsExactly(10L);
            assertThat(acme1.lastOffsets).containsExactly(11L);
            assertThat(acme1.window).isEqualTo(1);
            assertThat(windows.get(2).accepted).isEqualTo(1);
            assertThat(windows.get(2).firstOffsets).containsExactly(12L);
            assertThat(windows.get(2).window).isEqualTo(2);
        }
    }

    @Test
    void aStampedTallyCountsInItsOwnWindowAndLineageIsCollected() throws Exception {
        try (var harness = new OneInputStreamOperatorTestHarness<>(new TallyPerCheckpoint())) {
            harness.open();
            harness.processElement(
                    tally("acme", Outcome.ACCEPTED, NINE, 0, 1).withParent("BRONZE/acme/x/b:3"), 0);
            harness.processElement(
                    tally("acme", Outcome.ACCEPTED, NINE, 0, 2).withParent("BRONZE/acme/x/b:3"), 0);
            harness.processElement(
                    tally("acme", Outcome.QUARANTINED, NINE, 0, 3).withParent("BRONZE/acme/x/b:4"),
                    0);
            harness.processElement(tally("acme", Outcome.ACCEPTED, NINE, 0, 4).inWindow(7), 0);
            harness.prepareSnapshotPreBarrier(1);

            List<TenantWindow> windows = harness.extractOutputValues();
            assertThat(windows)
                    .extracting(w -> w.window + ":" + w.accepted + "+" + w.quarantined)
                    .containsExactlyInAnyOrder("1:2+1", "7:1+0");
            TenantWindow first = windows.stream().filter(w -> w.window == 1).findFirst().get();
            assertThat(first.parents).containsExactly("BRONZE/acme/x/b:3", "BRONZE/acme/x/b:4");
            // Per parent, every outcome counts: what Silver accounted for of each Bronze window.
            assertThat(first.parentCounts).containsExactly(2L, 1L);
            assertThat(first.parentChecksums).containsExactly(31L + 62L, 93L);
        }
    }

    @Test
    void aRestoredOperatorCountsInTheWindowAfterTheRestoredCheckpoint() throws Exception {
        OperatorSubtaskState snapshot;
        try (var harness = new OneInputStreamOperatorTestHarness<>(new TallyPerCheckpoint())) {
            harness.open();
            harness.prepareSnapshotPreBarrier(5);
            snapshot = harness.snapshot(5, 0);
        }
        try (var harness = new OneInputStreamOperatorTestHarness<>(new TallyPerCheckpoint())) {
            harness.setRestoredCheckpointId(5);
            harness.initializeState(snapshot);
            harness.open();
            harness.processElement(tally("acme", Outcome.ACCEPTED, NINE, 0, 1), 0);
            harness.prepareSnapshotPreBarrier(9);
            assertThat(harness.extractOutputValues()).extracting(w -> w.window).containsExactly(6L);
        }
    }

    @Test
    void partialWindowsMergeIntoOneManifestRecordPerTenantAndSource() throws Exception {
        try (var harness =
                new OneInputStreamOperatorTestHarness<>(
                        new ManifestPerCheckpoint(Layer.BRONZE, "bronze-ingest"))) {
            // The job types this output with flink-avro, which common does not depend on.
            harness.setup(new KryoSerializer<>(ManifestRecord.class, new SerializerConfigImpl()));
            harness.open();
            harness.processElement(window(tally("acme", Outcome.ACCEPTED, NINE, 0, 5)), 0);
            TenantWindow other = window(tally("acme", Outcome.ACCEPTED, TEN, 1, 7));
            other.add(tally("acme", Outcome.QUARANTINED, Long.MIN_VALUE, 1, 8));
            other.add(late(tally("acme", Outcome.ACCEPTED, NINE - 1, 1, 9)));
            other.add(tally("acme", Outcome.ACCEPTED, TEN, 1, 9).withParent("BRONZE/acme/raw/b:2"));
            other.add(tally("acme", Outcome.ACCEPTED, TEN, 1, 9).withParent("BRONZE/acme/raw/b:1"));
            harness.processElement(other, 0);
            harness.prepareSnapshotPreBarrier(43);

            List<ManifestRecord> records = harness.extractOutputValues();
            assertThat(records).hasSize(1);
            ManifestRecord m = records.get(0);
            assertThat(m.getTenantId()).isEqualTo("acme");
            assertThat(m.getSourceSystem()).isEqualTo("raw.webhooks");
            assertThat(m.getLayer()).isEqualTo(Layer.BRONZE);
            assertThat(m.getBatchId()).isEqualTo("bronze-ingest:42");
            assertThat(m.getManifestId()).isEqualTo("BRONZE/acme/raw.webhooks/bronze-ingest:42");
            assertThat(m.getRecordCount()).isEqualTo(5);
            assertThat(m.getLineage())
                    .containsExactly("BRONZE/acme/raw/b:1", "BRONZE/acme/raw/b:2");
            assertThat(m.getLineageCounts())
                    .extracting(
                            c ->
                                    c.getManifestId()
                                            + "="
                                            + c.getRecordCount()
                                            + "/"
                                            + c.getChecksum())
                    .containsExactly(
                            "BRONZE/acme/raw/b:1=1/0000000000000117",
                            "BRONZE/acme/raw/b:2=1/0000000000000117");
            assertThat(m.getQualityChecks().getQuarantineCount()).isEqualTo(1);
            assertThat(m.getQualityChecks().getLateCount()).isEqualTo(1);
            assertThat(m.getQualityChecks().getSchemaValid()).isFalse();
            assertThat(m.getStartTime()).isEqualTo(Instant.ofEpochMilli(NINE - 1));
            assertThat(m.getEndTime()).isEqualTo(Instant.ofEpochMilli(TEN));
            assertThat(m.getKafkaOffsets())
                    .extracting(
                            r ->
                                    r.getPartition()
                                            + ":"
                                            + r.getStartOffset()
                                            + "-"
                                            + r.getEndOffset())
                    .containsExactlyInAnyOrder("0:5-5", "1:7-9");
        }
    }

    @Test
    void aWindowHoldingRecordsIsPausedAndCountsThemApartFromWhatPassed() throws Exception {
        try (var harness =
                new OneInputStreamOperatorTestHarness<>(
                        new ManifestPerCheckpoint(Layer.BRONZE, "bronze-ingest"))) {
            harness.setup(new KryoSerializer<>(ManifestRecord.class, new SerializerConfigImpl()));
            harness.open();
            TenantWindow acme = window(tally("acme", Outcome.HELD, NINE, 0, 1));
            acme.add(tally("acme", Outcome.HELD, NINE, 0, 2));
            TenantWindow partial = window(tally("acme", Outcome.ACCEPTED, TEN, 0, 3));
            partial.add(tally("acme", Outcome.HELD, TEN, 0, 4));
            harness.processElement(acme, 0);
            harness.processElement(partial, 0);
            harness.processElement(window(tally("globex", Outcome.ACCEPTED, NINE, 1, 5)), 0);
            harness.prepareSnapshotPreBarrier(43);

            assertThat(harness.extractOutputValues())
                    .extracting(
                            m ->
                                    m.getTenantId()
                                            + " "
                                            + m.getStatus()
                                            + " accepted="
                                            + m.getRecordCount()
                                            + " held="
                                            + m.getQualityChecks().getHeldCount())
                    .containsExactlyInAnyOrder(
                            "acme PAUSED accepted=1 held=3", "globex COMPLETE accepted=1 held=0");
            assertThat(acme.total()).isEqualTo(1);
        }
    }

    @Test
    void theChecksumDoesNotDependOnOrder() {
        TenantWindow a = window(tally("acme", Outcome.ACCEPTED, NINE, 0, 1));
        a.add(tally("acme", Outcome.ACCEPTED, NINE, 0, 2));
        TenantWindow b = window(tally("acme", Outcome.ACCEPTED, NINE, 0, 2));
        b.add(tally("acme", Outcome.ACCEPTED, NINE, 0, 1));

        assertThat(a.checksum).isEqualTo(b.checksum).isNotZero();
    }

    private static ManifestTally tally(
            String tenant, Outcome outcome, long eventTime, int partition, long offset) {
        return new ManifestTally(
                tenant, "raw.webhooks", outcome, eventTime, false, partition, offset, offset * 31);
    }

    private static ManifestTally late(ManifestTally t) {
        t.late = true;
        return t;
    }

    private static TenantWindow window(ManifestTally first) {
        TenantWindow w = new TenantWindow(first.tenant, first.source, 42);
        w.add(first);
        return w;
    }
}
