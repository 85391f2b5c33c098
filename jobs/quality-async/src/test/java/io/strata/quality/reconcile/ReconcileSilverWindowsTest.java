package io.strata.quality.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.model.Layer;
import io.strata.model.ops.Alert;
import io.strata.model.ops.ManifestRecord;
import io.strata.model.ops.ManifestStatus;
import io.strata.model.ops.QualityChecks;
import io.strata.quality.results.Rules;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReconcileSilverWindowsTest {

    private static final Duration WAIT = Duration.ofMinutes(5);
    private static final long T0 = 1_000_000;
    private static final long AFTER_WAIT = T0 + WAIT.toMillis();
    private static final String S1 = "SILVER/acme/raw.webhooks/silver-conform:3";
    private static final String G1 = "GOLD/acme/silver.order/gold-features:8";
    private static final String G2 = "GOLD/acme/silver.order/gold-features:9";
    private static final String G3 = "GOLD/acme/silver.customer/gold-features:8";
    private static final String ORDERS = "silver.order";
    private static final String CUSTOMERS = "silver.customer";

    private KeyedTwoInputStreamOperatorTestHarness<
                    String, ManifestRecord, SilverEvidence, ManifestRecord>
            harness;

    private void open(boolean reconcileWithGold) throws Exception {
        harness =
                new KeyedTwoInputStreamOperatorTestHarness<>(
                        new KeyedCoProcessOperator<>(
                                new ReconcileSilverWindows(
                                        reconcileWithGold, WAIT, Duration.ofDays(1))),
                        ManifestRecord::getManifestId,
                        (SilverEvidence e) -> e.silverId,
                        Types.STRING);
        harness.setProcessingTime(T0);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void rowsGoldReadExactlyReconcileTheWindowAtOnceAndKeepItsStatus() throws Exception {
        open(true);
        harness.processElement1(silver(ManifestStatus.COMPLETE), T0);
        rows(ORDERS, 10, 20, 30);
        rows(CUSTOMERS, 7);
        harness.processElement2(claim(G1, ORDERS, 2, 10 + 20), T0);
        harness.processElement2(claim(G2, ORDERS, 1, 30), T0);
        harness.processElement2(claim(G3, CUSTOMERS, 1, 7), T0);
        harness.setProcessingTime(AFTER_WAIT);

        ManifestRecord last = last();
        assertThat(last.getStatus()).isEqualTo(ManifestStatus.COMPLETE);
        assertThat(last.getQualityChecks().getReconciled()).isTrue();
        assertThat(last.getQualityChecks().getReconciliation()).isNull();
        assertThat(alerts()).isEmpty();
        assertThat(reconciledSeen())
                .as("unchecked until GOLD's claims balance the rows, then reconciled")
                .containsSubsequence("null", "true")
                .doesNotContain("false");
    }

    @Test
    void oneRowGoldDidNotReadIsOneAlertNamingTheTopicAndTheNumbersAfterTheWait() throws Exception {
        open(true);
        harness.processElement1(silver(ManifestStatus.COMPLETE), T0);
        rows(ORDERS, 10, 20, 30);
        harness.processElement2(claim(G1, ORDERS, 2, 10 + 20), T0);
        harness.setProcessingTime(AFTER_WAIT - 1);
        assertThat(last().getQualityChecks().getReconciled()).isNull();
        assertThat(alerts()).isEmpty();
        harness.setProcessingTime(AFTER_WAIT);
        harness.setProcessingTime(AFTER_WAIT + 60_000);

        List<Alert> alerts = alerts();
        assertThat(alerts).hasSize(1);
        Alert a = alerts.get(0);
        assertThat(a.getRule()).isEqualTo("reconciliation.gold.count");
        assertThat(a.getAlertId()).isEqualTo("reconciliation.gold.count:" + S1);
        assertThat(a.getLayer()).isEqualTo(Layer.SILVER);
        assertThat(a.getTenantId()).isEqualTo("acme");
        assertThat(a.getWindowId()).isEqualTo(S1);
        assertThat(a.getManifestIds()).containsExactly(S1, G1);
        assertThat(a.getMeasured()).isEqualTo("2");
        assertThat(a.getExpected()).isEqualTo("3");
        assertThat(a.getDetail())
                .isEqualTo(S1 + ": GOLD read 2 of the 3 rows written to silver.order");
        QualityChecks failed = last().getQualityChecks();
        assertThat(last().getStatus()).isEqualTo(ManifestStatus.FAILED);
        assertThat(failed.getReconciled()).isFalse();
        assertThat(failed.getReconciliation())
                .isEqualTo(
                        "reconciliation.gold.count: GOLD read 2 of the 3 rows written to"
                                + " silver.order");

        // The late GOLD window reading the third row reconciles it and gives back its status.
        harness.processElement2(claim(G2, ORDERS, 1, 30), AFTER_WAIT + 60_000);
        assertThat(last().getStatus()).isEqualTo(ManifestStatus.COMPLETE);
        assertThat(last().getQualityChecks().getReconciled()).isTrue();
        assertThat(alerts()).hasSize(1);
    }

    @Test
    void aRowGoldReadWithOtherBytesFailsTheChecksum() throws Exception {
        open(true);
        harness.processElement1(silver(ManifestStatus.COMPLETE), T0);
        rows(ORDERS, 10, 20);
        harness.processElement2(claim(G1, ORDERS, 2, 10 + 21), T0);
        harness.setProcessingTime(AFTER_WAIT);

        assertThat(alerts())
                .extracting(a -> a.getRule() + " " + a.getMeasured() + "/" + a.getExpected())
                .containsExactly(
                        "reconciliation.gold.checksum "
                                + Checksums.format(31)
                                + "/"
                                + Checksums.format(30));
    }

    @Test
    void aReEmittedGoldRecordReplacesItsClaimInsteadOfAddingToIt() throws Exception {
        open(true);
        harness.processElement1(silver(ManifestStatus.COMPLETE), T0);
        rows(ORDERS, 10, 20);
        harness.processElement2(claim(G1, ORDERS, 2, 30), T0);
        harness.processElement2(claim(G1, ORDERS, 2, 30), T0);
        harness.setProcessingTime(AFTER_WAIT);

        assertThat(last().getQualityChecks().getReconciled()).isTrue();
        assertThat(alerts()).isEmpty();
    }

    @Test
    void aWindowThatWroteNoRowsIsReconciledOnlyWhenTheWaitIsOver() throws Exception {
        open(true);
        harness.processElement1(silver(ManifestStatus.PAUSED), T0);
        assertThat(last().getQualityChecks().getReconciled()).isNull();
        harness.setProcessingTime(AFTER_WAIT);

        assertThat(last().getStatus()).isEqualTo(ManifestStatus.PAUSED);
        assertThat(last().getQualityChecks().getReconciled()).isTrue();
        assertThat(alerts()).isEmpty();
    }

    @Test
    void rowsNoGoldRecordReadAreUnclaimed() throws Exception {
        open(true);
        harness.processElement1(silver(ManifestStatus.COMPLETE), T0);
        rows(CUSTOMERS, 7, 8);
        harness.setProcessingTime(AFTER_WAIT);

        assertThat(alerts())
                .extracting(a -> a.getRule() + " " + a.getMeasured() + "/" + a.getExpected())
                .containsExactly("reconciliation.gold.unclaimed 0/2");
    }

    @Test
    void findingsMarkTheWindowWithoutChangingItsStatus() throws Exception {
        open(false);
        harness.processElement1(silver(ManifestStatus.COMPLETE), T0);
        harness.processElement2(
                SilverEvidence.finding(S1, "acme", Rules.NULL_RATE, "null-rate-1"), T0);
        harness.processElement2(
                SilverEvidence.finding(S1, "acme", Rules.REFERENTIAL_INTEGRITY, "orphan-1"), T0);
        harness.processElement2(SilverEvidence.finding(S1, "acme", Rules.VOLUME, "volume-1"), T0);
        harness.setProcessingTime(AFTER_WAIT);

        ManifestRecord last = last();
        QualityChecks checks = last.getQualityChecks();
        assertThat(last.getStatus()).isEqualTo(ManifestStatus.COMPLETE);
        assertThat(checks.getNullCheckPass()).isFalse();
        assertThat(checks.getReferentialIntegrityPass()).isFalse();
        assertThat(checks.getFindings()).containsExactly("null-rate-1", "orphan-1", "volume-1");
        assertThat(checks.getReconciled()).as("not reconciled with Gold").isNull();
        assertThat(alerts()).isEmpty();
    }

    @Test
    void aWindowWithoutFindingsOrGoldIsWrittenOnceAsItCame() throws Exception {
        open(false);
        ManifestRecord silver = silver(ManifestStatus.COMPLETE);
        harness.processElement1(silver, T0);
        harness.setProcessingTime(AFTER_WAIT);

        assertThat(output()).containsExactly(silver);
    }

    private void rows(String topic, long... checksums) throws Exception {
        for (long c : checksums) {
            harness.processElement2(SilverEvidence.row(S1, "acme", topic, c), T0);
        }
    }

    private static SilverEvidence claim(String gold, String topic, long count, long checksum) {
        return SilverEvidence.goldClaim(S1, gold, "acme", topic, count, checksum);
    }

    private static ManifestRecord silver(ManifestStatus status) {
        ManifestRecord s =
                ManifestRecords.silver(
                        S1,
                        "acme",
                        List.of(
                                ManifestRecords.parent(
                                        "BRONZE/acme/raw.webhooks/bronze-ingest:2", 3, 99)));
        s.setStatus(status);
        return s;
    }

    private List<ManifestRecord> output() {
        List<ManifestRecord> out = new ArrayList<>();
        harness.extractOutputValues().forEach(out::add);
        return out;
    }

    private ManifestRecord last() {
        List<ManifestRecord> out = output();
        return out.get(out.size() - 1);
    }

    private List<String> reconciledSeen() {
        return output().stream()
                .map(r -> String.valueOf(r.getQualityChecks().getReconciled()))
                .toList();
    }

    private List<Alert> alerts() {
        List<Alert> alerts = new ArrayList<>();
        if (harness.getSideOutput(ReconcileSilverWindows.ALERTS) != null) {
            harness.getSideOutput(ReconcileSilverWindows.ALERTS)
                    .forEach(r -> alerts.add(r.getValue()));
        }
        return alerts;
    }
}
