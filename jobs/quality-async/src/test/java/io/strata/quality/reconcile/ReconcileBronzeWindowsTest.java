package io.strata.quality.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.model.Layer;
import io.strata.model.ops.Alert;
import io.strata.model.ops.ManifestRecord;
import io.strata.model.ops.QualityChecks;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReconcileBronzeWindowsTest {

    private static final Duration WAIT = Duration.ofMinutes(5);
    private static final long T0 = 1_000_000;
    private static final long AFTER_WAIT = T0 + WAIT.toMillis();
    private static final String B1 = "BRONZE/acme/raw.webhooks/bronze-ingest:7";
    private static final String S1 = "SILVER/acme/raw.webhooks/silver-conform:3";
    private static final String S2 = "SILVER/acme/raw.webhooks/silver-conform:4";

    private KeyedTwoInputStreamOperatorTestHarness<
                    String, ManifestRecord, LineageClaim, ManifestRecord>
            harness;

    @BeforeEach
    void open() throws Exception {
        harness =
                new KeyedTwoInputStreamOperatorTestHarness<>(
                        new KeyedCoProcessOperator<>(
                                new ReconcileBronzeWindows(WAIT, Duration.ofDays(1))),
                        ManifestRecord::getManifestId,
                        (LineageClaim c) -> c.bronzeId,
                        Types.STRING);
        harness.setProcessingTime(T0);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void aWindowWhoseSilverRecordsAddUpIsCompleteWithoutAnAlert() throws Exception {
        harness.processElement1(bronze(B1, 5, 100 + 200 + 300 + 400 + 500), T0);
        harness.processElement2(claim(S1, 3, 100 + 200 + 300), T0);
        harness.processElement2(claim(S2, 2, 400 + 500), T0);
        harness.setProcessingTime(AFTER_WAIT);

        // Written on arrival (awaiting SILVER), then once when it balances.
        assertThat(statuses()).containsExactly("PROCESSING", "COMPLETE");
        ManifestRecord last = rows().get(1);
        assertThat(last.getQualityChecks().getReconciled()).isTrue();
        assertThat(last.getQualityChecks().getReconciliation()).isNull();
        assertThat(alerts()).isEmpty();
    }

    @Test
    void oneSilverRecordShortIsExactlyOneAlertNamingTheBronzeWindowAndTheNumbers()
            throws Exception {
        harness.processElement1(bronze(B1, 5, 1500), T0);
        harness.processElement2(claim(S1, 3, 600), T0);
        harness.processElement2(claim(S2, 1, 400), T0);
        harness.setProcessingTime(AFTER_WAIT);
        harness.setProcessingTime(AFTER_WAIT + 60_000);

        List<Alert> alerts = alerts();
        assertThat(alerts).hasSize(1);
        Alert a = alerts.get(0);
        assertThat(a.getRule()).isEqualTo("reconciliation.count");
        assertThat(a.getAlertId()).isEqualTo("reconciliation.count:" + B1);
        assertThat(a.getTenantId()).isEqualTo("acme");
        assertThat(a.getLayer()).isEqualTo(Layer.BRONZE);
        assertThat(a.getSourceSystem()).isEqualTo("raw.webhooks");
        assertThat(a.getWindowId()).isEqualTo(B1);
        assertThat(a.getManifestIds()).containsExactly(B1, S1, S2);
        assertThat(a.getMeasured()).isEqualTo("4");
        assertThat(a.getExpected()).isEqualTo("5");
        assertThat(a.getDetail()).isEqualTo(B1 + ": SILVER accounted for 4 of 5 records");
        assertThat(a.getDetectedAt()).isEqualTo(Instant.ofEpochMilli(AFTER_WAIT));

        assertThat(statuses()).containsExactly("PROCESSING", "FAILED");
        QualityChecks failed = rows().get(1).getQualityChecks();
        assertThat(failed.getReconciled()).isFalse();
        assertThat(failed.getReconciliation())
                .isEqualTo("reconciliation.count: SILVER accounted for 4 of 5 records");
    }

    @Test
    void aLateSilverRecordWithinTheWaitCompletesTheWindowWithoutAnAlert() throws Exception {
        harness.processElement1(bronze(B1, 5, 1500), T0);
        harness.processElement2(claim(S1, 3, 600), T0);
        harness.setProcessingTime(AFTER_WAIT - 1);
        harness.processElement2(claim(S2, 2, 900), AFTER_WAIT - 1);
        harness.setProcessingTime(AFTER_WAIT);

        assertThat(alerts()).isEmpty();
        assertThat(statuses()).containsExactly("PROCESSING", "COMPLETE");
    }

    @Test
    void aWindowNoSilverRecordClaimsWithinTheWaitIsOneAlert() throws Exception {
        harness.processElement1(bronze(B1, 5, 1500), T0);
        harness.setProcessingTime(AFTER_WAIT - 1);
        assertThat(alerts()).isEmpty();
        harness.setProcessingTime(AFTER_WAIT);

        assertThat(alerts())
                .extracting(a -> a.getRule() + " " + a.getMeasured() + "/" + a.getExpected())
                .containsExactly("reconciliation.unclaimed 0/5");
        assertThat(statuses()).containsExactly("PROCESSING", "FAILED");
    }

    @Test
    void aMatchingCountWithAnotherChecksumIsAChecksumAlert() throws Exception {
        harness.processElement1(bronze(B1, 2, 0x30), T0);
        harness.processElement2(claim(S1, 2, 0x31), T0);
        harness.setProcessingTime(AFTER_WAIT);

        assertThat(alerts())
                .extracting(a -> a.getRule() + " " + a.getMeasured() + "/" + a.getExpected())
                .containsExactly("reconciliation.checksum 0000000000000031/0000000000000030");
    }

    @Test
    void aSilverRecordReEmittedAfterARestartReplacesItsClaim() throws Exception {
        harness.processElement1(bronze(B1, 5, 1500), T0);
        harness.processElement2(claim(S1, 5, 1500), T0);
        harness.processElement2(claim(S1, 5, 1500), T0);
        harness.setProcessingTime(AFTER_WAIT);

        assertThat(alerts()).isEmpty();
        assertThat(statuses()).containsExactly("PROCESSING", "COMPLETE");
    }

    @Test
    void aLateClaimAfterTheWaitCompletesAFailedWindowAndAnExtraOneFailsItAgain() throws Exception {
        harness.processElement1(bronze(B1, 5, 1500), T0);
        harness.processElement2(claim(S1, 3, 600), T0);
        harness.setProcessingTime(AFTER_WAIT);
        harness.processElement2(claim(S2, 2, 900), AFTER_WAIT);
        harness.processElement2(
                claim("SILVER/acme/raw.webhooks/silver-conform:5", 1, 7), AFTER_WAIT);

        assertThat(statuses()).containsExactly("PROCESSING", "FAILED", "COMPLETE", "FAILED");
        assertThat(alerts())
                .extracting(a -> a.getRule() + " " + a.getMeasured() + "/" + a.getExpected())
                .containsExactly("reconciliation.count 3/5", "reconciliation.count 6/5");
    }

    @Test
    void claimsOnAWindowTheManifestNeverShowedAreOneAlert() throws Exception {
        harness.processElement2(claim(S1, 3, 600), T0);
        harness.setProcessingTime(AFTER_WAIT);
        harness.processElement2(claim(S2, 1, 6), AFTER_WAIT);

        assertThat(rows()).isEmpty();
        assertThat(alerts())
                .extracting(a -> a.getRule() + " " + a.getWindowId() + " " + a.getMeasured())
                .containsExactly("reconciliation.unknown-parent " + B1 + " 3");
    }

    private List<ManifestRecord> rows() {
        return harness.extractOutputValues();
    }

    private List<String> statuses() {
        return rows().stream().map(m -> m.getStatus().name()).toList();
    }

    private List<Alert> alerts() {
        List<Alert> out = new ArrayList<>();
        var side = harness.getSideOutput(ReconcileBronzeWindows.ALERTS);
        if (side != null) {
            side.forEach(r -> out.add(r.getValue()));
        }
        return out;
    }

    static ManifestRecord bronze(String id, long count, long checksum) {
        return ManifestRecords.bronze(id, "acme", count, checksum);
    }

    private static LineageClaim claim(String silverId, long count, long checksum) {
        return new LineageClaim(B1, silverId, "acme", "raw.webhooks", count, checksum);
    }
}
