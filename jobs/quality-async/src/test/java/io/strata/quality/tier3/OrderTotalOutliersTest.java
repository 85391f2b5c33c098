package io.strata.quality.tier3;

import static io.strata.quality.SilverRowsForTests.defaultRules;
import static io.strata.quality.SilverRowsForTests.order;
import static org.assertj.core.api.Assertions.assertThat;

import io.strata.model.ops.QualityResult;
import io.strata.model.silver.Order;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Default rules: a sample of 500, judged from 50 totals on, |z| above 6. */
class OrderTotalOutliersTest {

    private static final long T0 = Instant.parse("2026-03-01T10:00:00Z").toEpochMilli();

    private KeyedOneInputStreamOperatorTestHarness<String, Order, QualityResult> harness;

    @BeforeEach
    void open() throws Exception {
        harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(new OrderTotalOutliers(defaultRules())),
                        (Order o) -> o.getMeta().getTenantId(),
                        Types.STRING);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void totalsWithinTheSpreadAreNoFinding() throws Exception {
        for (int i = 0; i < 300; i++) {
            send("o-" + i, (100 + (i * 37) % 60) + ".00", i);
        }
        assertThat(harness.extractOutputValues()).isEmpty();
    }

    @Test
    void anOutlierTotalIsOneFindingNamingTheOrder() throws Exception {
        // Totals 100..159: median 129.5, MAD 15.
        for (int i = 0; i < 60; i++) {
            send("o-" + i, (100 + i) + ".00", i);
        }
        send("o-big", "5000.00", 100);
        send("o-big", "5000.00", 101); // its next version: judged once
        send("o-after", "130.00", 102);

        List<QualityResult> results = harness.extractOutputValues();
        assertThat(results).hasSize(1);
        QualityResult r = results.get(0);
        double z = 0.6745 * (5000 - 129.5) / 15;
        assertThat(r.getCheckId()).isEqualTo("quality.order-total-outlier:acme:o-big");
        assertThat(r.getTier()).isEqualTo(3);
        assertThat(r.getRule()).isEqualTo("quality.order-total-outlier");
        assertThat(r.getEntity()).isEqualTo("order");
        assertThat(r.getField()).isEqualTo("total_amount");
        assertThat(r.getMeasured()).isCloseTo(z, Offset.offset(1e-9));
        assertThat(r.getThreshold()).isEqualTo(6.0);
        assertThat(r.getBaseline()).isEqualTo(129.5);
        assertThat(r.getKeys()).containsExactly("order:o-big");
        assertThat(r.getDetectedAt()).isEqualTo(Instant.ofEpochMilli(T0 + 100));
        assertThat(r.getDetail())
                .isEqualTo(
                        "order o-big totals 5000.00: robust z-score 219.0102 against the median"
                                + " 129.5000 of the last 60 orders");
    }

    @Test
    void nothingIsJudgedBeforeTheMinimumSampleNorAgainstAnotherTenantsSample() throws Exception {
        for (int i = 0; i < 49; i++) {
            send("o-" + i, (100 + i) + ".00", i);
        }
        send("o-early", "5000.00", 50);
        harness.processElement(order("globex", "g-1", "c-1", "90000.00", T0), T0);

        assertThat(harness.extractOutputValues()).isEmpty();
    }

    private void send(String key, String total, long offset) throws Exception {
        harness.processElement(order("acme", key, "c-1", total, T0 + offset), T0 + offset);
    }
}
