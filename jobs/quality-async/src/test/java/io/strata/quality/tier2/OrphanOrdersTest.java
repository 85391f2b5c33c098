package io.strata.quality.tier2;

import static io.strata.quality.SilverRowsForTests.customer;
import static io.strata.quality.SilverRowsForTests.defaultRules;
import static io.strata.quality.SilverRowsForTests.order;
import static org.assertj.core.api.Assertions.assertThat;

import io.strata.model.ops.Alert;
import io.strata.model.ops.QualityResult;
import io.strata.model.silver.Customer;
import io.strata.model.silver.Order;
import io.strata.quality.results.ResultAlerts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrphanOrdersTest {

    private static final long T0 = Instant.parse("2026-03-01T10:00:00Z").toEpochMilli();
    private static final long HOUR = 3_600_000;

    private KeyedTwoInputStreamOperatorTestHarness<String, Order, Customer, QualityResult> harness;

    @BeforeEach
    void open() throws Exception {
        open(Duration.ZERO);
    }

    private void open(Duration grace) throws Exception {
        if (harness != null) {
            harness.close();
        }
        harness =
                new KeyedTwoInputStreamOperatorTestHarness<>(
                        new KeyedCoProcessOperator<>(new OrphanOrders(defaultRules(), grace)),
                        (Order o) ->
                                OrphanOrders.key(o.getMeta().getTenantId(), o.getCustomerKey()),
                        (Customer c) ->
                                OrphanOrders.key(c.getMeta().getTenantId(), c.getCustomerKey()),
                        Types.STRING);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void ordersWhoseCustomerArrivesBeforeOrWithinTheWaitAreNoFinding() throws Exception {
        harness.processElement2(customer("acme", "c-1", "Ann", "ann@x.com", T0), T0);
        harness.processElement1(order("acme", "o-1", "c-1", "10.00", T0 + 1), T0 + 1);
        harness.processElement1(order("acme", "o-2", "c-2", "10.00", T0 + 2), T0 + 2);
        harness.processElement2(customer("acme", "c-2", "Bob", "bob@x.com", T0 + HOUR), T0 + HOUR);
        harness.processWatermark1(new Watermark(T0 + 10 * HOUR));
        harness.processWatermark2(new Watermark(T0 + 10 * HOUR));

        assertThat(harness.extractOutputValues()).isEmpty();
    }

    @Test
    void anOrderWhoseCustomerNeverArrivesIsOneFindingAtItsDeadline() throws Exception {
        harness.processElement1(order("acme", "o-1", "c-9", "10.00", T0), T0);
        // A later version of the same order is the same finding, not another.
        harness.processElement1(order("acme", "o-1", "c-9", "12.00", T0 + 60_000), T0 + 60_000);
        // Another tenant's customer of the same key does not count.
        harness.processElement2(customer("globex", "c-9", "Eve", "eve@x.com", T0), T0);
        harness.processWatermark1(new Watermark(T0 + HOUR - 1));
        harness.processWatermark2(new Watermark(T0 + HOUR - 1));
        assertThat(harness.extractOutputValues()).isEmpty();

        harness.processWatermark1(new Watermark(T0 + 10 * HOUR));
        harness.processWatermark2(new Watermark(T0 + 10 * HOUR));
        harness.processElement2(customer("acme", "c-9", "Zed", "zed@x.com", T0 + 11 * HOUR), T0);

        List<QualityResult> results = harness.extractOutputValues();
        assertThat(results).hasSize(1);
        QualityResult r = results.get(0);
        assertThat(r.getCheckId()).isEqualTo("quality.referential-integrity:acme:o-1");
        assertThat(r.getTier()).isEqualTo(2);
        assertThat(r.getRule()).isEqualTo("quality.referential-integrity");
        assertThat(r.getTenantId()).isEqualTo("acme");
        assertThat(r.getEntity()).isEqualTo("order");
        assertThat(r.getField()).isEqualTo("customer_key");
        assertThat(r.getWindowStart()).isNull();
        assertThat(r.getMeasured()).isEqualTo(0.0);
        assertThat(r.getThreshold()).isEqualTo(1.0);
        assertThat(r.getKeys()).containsExactly("order:o-1", "customer:c-9");
        assertThat(r.getManifestIds()).containsExactly("SILVER/acme/raw.webhooks/silver-conform:1");
        assertThat(r.getDetail())
                .isEqualTo(
                        "order o-1 references customer c-9, which did not appear on Silver"
                                + " within 1 h of the order's event time");
        assertThat(r.getDetectedAt()).isEqualTo(Instant.ofEpochMilli(T0 + HOUR));

        Alert a = new ResultAlerts("silver.").map(r);
        assertThat(a.getAlertId()).isEqualTo(r.getCheckId());
        assertThat(a.getRule()).isEqualTo("quality.referential-integrity");
        assertThat(a.getTenantId()).isEqualTo("acme");
        assertThat(a.getSourceSystem()).isEqualTo("silver.order");
        assertThat(a.getWindowId()).isEqualTo("acme:o-1");
        assertThat(a.getMeasured()).isEqualTo("0");
        assertThat(a.getExpected()).isEqualTo("1");
        assertThat(a.getDetectedAt()).isEqualTo(r.getDetectedAt());
    }

    @Test
    void aCustomerReadAfterTheWatermarkPassedTheDeadlineButWithinTheGraceIsNoFinding()
            throws Exception {
        open(Duration.ofMinutes(1));
        harness.setProcessingTime(0);
        harness.processElement1(order("acme", "o-1", "c-1", "10.00", T0), T0);
        harness.processElement1(order("acme", "o-2", "c-2", "10.00", T0), T0);
        harness.processWatermark1(new Watermark(T0 + 10 * HOUR));
        harness.processWatermark2(new Watermark(T0 + 10 * HOUR));
        assertThat(harness.extractOutputValues()).as("waiting out the grace").isEmpty();

        // c-1 was behind in its partition: read late, but within the grace.
        harness.setProcessingTime(59_999);
        harness.processElement2(customer("acme", "c-1", "Ann", "ann@x.com", T0), T0);
        harness.setProcessingTime(60_000);

        assertThat(harness.extractOutputValues())
                .extracting(QualityResult::getCheckId, QualityResult::getDetectedAt)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "quality.referential-integrity:acme:o-2",
                                Instant.ofEpochMilli(T0 + HOUR)));
    }
}
