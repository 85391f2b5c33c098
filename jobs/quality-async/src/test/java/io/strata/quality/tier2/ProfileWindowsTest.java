package io.strata.quality.tier2;

import static io.strata.quality.SilverRowsForTests.defaultRules;
import static org.assertj.core.api.Assertions.assertThat;

import io.strata.model.ops.QualityResult;
import io.strata.quality.silver.RowProfile;
import io.strata.quality.silver.SilverTopic;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Windows of the default 10 minutes, judged against the last 12 once 6 are closed. */
class ProfileWindowsTest {

    private static final long T0 = Instant.parse("2026-03-01T10:00:00Z").toEpochMilli();
    private static final long WINDOW = 600_000;
    private static final int FIELDS = SilverTopic.ORDER.nullableFields().size();

    private KeyedOneInputStreamOperatorTestHarness<String, RowProfile, QualityResult> harness;

    @BeforeEach
    void open() throws Exception {
        harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(new ProfileWindows(defaultRules())),
                        RowProfile::tenantEntity,
                        Types.STRING);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void aSteadyWorkloadWithSomeNullsIsNoFinding() throws Exception {
        for (int w = 0; w < 14; w++) {
            orders("acme", w, 18 + 4 * (w % 2), 2 + w % 3);
        }
        closeWindowsBefore(14);

        assertThat(harness.extractOutputValues()).isEmpty();
    }

    @Test
    void aVolumeSpikeIsOneFindingForItsWindow() throws Exception {
        for (int w = 0; w < 7; w++) {
            orders("acme", w, 18 + 4 * (w % 2), 2);
        }
        orders("acme", 7, 100, 10);
        orders("acme", 8, 20, 2);
        closeWindowsBefore(9);

        List<QualityResult> results = harness.extractOutputValues();
        assertThat(results).hasSize(1);
        QualityResult r = results.get(0);
        Instant start = Instant.ofEpochMilli(T0 + 7 * WINDOW);
        assertThat(r.getCheckId()).isEqualTo("quality.volume:acme:order:" + start);
        assertThat(r.getTier()).isEqualTo(2);
        assertThat(r.getRule()).isEqualTo("quality.volume");
        assertThat(r.getEntity()).isEqualTo("order");
        assertThat(r.getField()).isNull();
        assertThat(r.getWindowStart()).isEqualTo(start);
        assertThat(r.getWindowEnd()).isEqualTo(start.plusMillis(WINDOW));
        assertThat(r.getMeasured()).isEqualTo(100.0);
        // 7 windows averaging 19.714..., σ 1.98: max(μ + 4σ, 3μ) = 3μ.
        assertThat(r.getBaseline()).isCloseTo(138 / 7.0, within());
        assertThat(r.getThreshold()).isCloseTo(3 * 138 / 7.0, within());
        assertThat(r.getKeys()).isEmpty();
        assertThat(r.getDetectedAt()).isEqualTo(start.plusMillis(WINDOW));
        assertThat(r.getDetail())
                .isEqualTo(
                        "100 order rows in the window, the last 7 windows averaged 19.7143;"
                                + " limit 59.1429");
    }

    @Test
    void aNullRateSpikeIsOneFindingForItsField() throws Exception {
        for (int w = 0; w < 7; w++) {
            orders("acme", w, 20, 2);
        }
        orders("acme", 7, 20, 14);
        closeWindowsBefore(8);

        List<QualityResult> results = harness.extractOutputValues();
        assertThat(results).hasSize(1);
        QualityResult r = results.get(0);
        Instant start = Instant.ofEpochMilli(T0 + 7 * WINDOW);
        assertThat(r.getCheckId()).isEqualTo("quality.null-rate:acme:order.customer_key:" + start);
        assertThat(r.getRule()).isEqualTo("quality.null-rate");
        assertThat(r.getField()).isEqualTo("customer_key");
        assertThat(r.getMeasured()).isEqualTo(0.7);
        assertThat(r.getBaseline()).isCloseTo(0.1, within());
        assertThat(r.getThreshold()).isCloseTo(0.4, within());
        assertThat(r.getDetail())
                .isEqualTo(
                        "order.customer_key was null in 70.0% of 20 rows, against 10.0% in the"
                                + " last 7 windows");
    }

    @Test
    void nothingIsJudgedBeforeTheMinimumHistoryNorOnFewRows() throws Exception {
        for (int w = 0; w < 5; w++) {
            orders("acme", w, 20, 0);
        }
        orders("acme", 5, 200, 200); // only 5 windows before it
        orders("globex", 0, 5, 0);
        for (int w = 1; w < 7; w++) {
            orders("globex", w, 5, 0);
        }
        orders("globex", 7, 10, 10); // 100% nulls, but fewer rows than min-rows
        for (int w = 0; w < 7; w++) {
            orders("initech", w, 2, 0);
        }
        orders("initech", 7, 15, 0); // 7.5 times the mean, but neither reaches min-rows
        closeWindowsBefore(8);

        assertThat(harness.extractOutputValues()).isEmpty();
    }

    @Test
    void windowsWithoutRowsCountAsEmptyInTheBaseline() throws Exception {
        orders("acme", 0, 20, 0);
        orders("acme", 7, 40, 0); // six empty windows between: μ = 20/7, σ = 7, limit 30.9
        closeWindowsBefore(8);

        List<QualityResult> results = harness.extractOutputValues();
        assertThat(results).extracting(QualityResult::getRule).containsExactly("quality.volume");
        assertThat(results.get(0).getBaseline()).isCloseTo(20 / 7.0, within());
    }

    @Test
    void rowsOfAWindowAlreadyJudgedAreDropped() throws Exception {
        for (int w = 0; w < 7; w++) {
            orders("acme", w, 20, 0);
        }
        closeWindowsBefore(7);
        orders("acme", 6, 500, 500);
        orders("acme", 7, 20, 0);
        closeWindowsBefore(8);

        assertThat(harness.extractOutputValues()).isEmpty();
    }

    /**
     * {@code rows} orders of {@code tenant} in window {@code w}, {@code nulls} without customer.
     */
    private void orders(String tenant, int w, int rows, int nulls) throws Exception {
        for (int i = 0; i < rows; i++) {
            boolean[] isNull = new boolean[FIELDS];
            isNull[0] = i < nulls;
            long t = T0 + w * WINDOW + i;
            harness.processElement(new RowProfile(tenant, "order", t, isNull, null), t);
        }
    }

    private void closeWindowsBefore(int w) throws Exception {
        harness.processWatermark(new Watermark(T0 + w * WINDOW - 1));
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-9);
    }
}
