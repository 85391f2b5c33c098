package io.strata.workload.oracle.gold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.strata.workload.oracle.SilverRows.OrderRow;
import io.strata.workload.oracle.SilverRows.ReturnRow;
import io.strata.workload.oracle.SilverRows.Row;
import io.strata.workload.oracle.SilverRows.TicketRow;
import io.strata.workload.oracle.SilverVersion;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A tiny scenario whose features were computed by hand from {@code docs/gold.md}: orders on the
 * edges of the 30-, 60- and 90-day windows, a cancelled order, a ticket opened then closed,
 * returns, a half-even average and a second customer. Days are counted from {@link #DAY_0}.
 */
class CustomerFeaturesTest {

    private static final Instant DAY_0 = Instant.parse("2024-01-01T00:00:00Z");
    private static final String C1_HK = "96a864630e680cd1844c2134a5c40b37"; // ACME||C-1
    private static final Instant D51_NOON = day(51).plus(Duration.ofHours(12));

    private final List<SilverVersion> log = new ArrayList<>();

    private List<SilverVersion> scenario() {
        add(order("O-1", "C-1", 0, "100.00", "placed"), day(0));
        add(order("O-5", "C-2", 10, "10.00", "placed"), day(10));
        add(order("O-2", "C-1", 30, "50.00", "placed"), day(30));
        add(order("O-3", "C-1", 40, "30.00", "placed"), day(40));
        // Cross-key arrival order does not matter: the features follow event time.
        add(ticket("open", null), day(45));
        add(order("O-4", "C-1", 50, "25.01", "placed"), day(50));
        delete(new OrderRow("acme", "O-3", null, Instant.EPOCH, null, null, null, null), day(41));
        add(ticket("closed", day(46)), day(46));
        add(ret("R-2", 90), day(90));
        add(order("O-4", "C-1", 50, "25.01", "paid"), D51_NOON);
        add(ret("R-1", 52), day(52));
        return log;
    }

    @Test
    void historyIsTheHandComputedRows() {
        GoldOracle gold = GoldOracle.of(scenario());

        assertThat(gold.featureHistory())
                .containsExactly(
                        c1(1, "100.00", "100.00", 1, 0, 0, null, 0, 0.0, day(0), day(30)),
                        // O-1 is exactly 30 days old: out of the 30-day window, in the one before.
                        c1(1, "50.00", "150.00", 2, 30, 0, 0.5, 0, 0.0, day(30), day(40)),
                        c1(2, "40.00", "180.00", 3, 40, 0, 0.8, 0, 0.0, day(40), day(41)),
                        // O-3 cancelled.
                        c1(1, "50.00", "150.00", 2, 30, 11, 0.5, 0, 0.0, day(41), day(45)),
                        c1(1, "50.00", "150.00", 2, 30, 15, 0.5, 1, 0.0, day(45), day(46)),
                        c1(1, "50.00", "150.00", 2, 30, 16, 0.5, 0, 0.0, day(46), day(50)),
                        // (50.00 + 25.01) / 2 = 37.505, half-even to 37.50.
                        c1(2, "37.50", "175.01", 3, 50, 0, 0.7501, 0, 0.0, day(50), D51_NOON),
                        c1(2, "37.50", "175.01", 3, 50, 1, 0.7501, 0, 0.0, D51_NOON, day(52)),
                        c1(2, "37.50", "175.01", 3, 50, 2, 0.7501, 0, 1.0 / 3, day(52), day(90)),
                        // O-1 exactly 90 days old leaves the return-rate window, O-2 exactly 60
                        // days old the trend's earlier window; nothing in the last 30 days.
                        c1(0, null, "175.01", 3, 50, 40, 0.0, 0, 1.0, day(90), null),
                        new FeatureRow(
                                "acme",
                                "C-2",
                                VaultHash.hashKey("acme", "C-2"),
                                1,
                                amount("10.00"),
                                amount("10.00"),
                                1,
                                day(10),
                                day(10),
                                0,
                                null,
                                0,
                                0.0,
                                day(10),
                                null));
    }

    @Test
    void currentRowsAreTheLastOfEachCustomer() {
        GoldOracle gold = GoldOracle.of(scenario());

        assertThat(gold.currentFeatures())
                .extracting(FeatureRow::customerKey, FeatureRow::validFrom)
                .containsExactly(tuple("C-1", day(90)), tuple("C-2", day(10)));
    }

    @Test
    void asOfAnInstantIsTheRowValidThen() {
        GoldOracle gold = GoldOracle.of(scenario());
        List<FeatureRow> history = gold.featureHistory();

        assertThat(gold.featuresAsOf("acme", "C-1", day(0).minusMillis(1))).isEmpty();
        assertThat(gold.featuresAsOf("acme", "C-1", day(0))).contains(history.get(0));
        assertThat(gold.featuresAsOf("acme", "C-1", day(35))).contains(history.get(1));
        assertThat(gold.featuresAsOf("acme", "C-1", day(41))).contains(history.get(3));
        assertThat(gold.featuresAsOf("acme", "C-1", day(400))).contains(history.get(9));
        assertThat(gold.featuresAsOf("acme", "C-3", day(400))).isEmpty();
        assertThat(gold.featuresAsOf("other", "C-1", day(400))).isEmpty();
    }

    /** A row of C-1, whose first order is always O-1 on day 0. */
    private static FeatureRow c1(
            int count30,
            String avg30,
            String lifetime,
            long lifetimeCount,
            int lastOrderDay,
            Integer daysSince,
            Double trend,
            int openTickets,
            Double returnRate,
            Instant from,
            Instant to) {
        return new FeatureRow(
                "acme",
                "C-1",
                C1_HK,
                count30,
                avg30 == null ? null : amount(avg30),
                amount(lifetime),
                lifetimeCount,
                day(0),
                day(lastOrderDay),
                daysSince,
                trend,
                openTickets,
                returnRate,
                from,
                to);
    }

    private void add(Row row, Instant t) {
        log.add(new SilverVersion(row, t, log.size(), false));
    }

    private void delete(Row row, Instant t) {
        log.add(new SilverVersion(row, t, log.size(), true));
    }

    private static OrderRow order(
            String key, String customer, int day, String total, String status) {
        return new OrderRow("acme", key, customer, day(day), status, "web", "USD", amount(total));
    }

    private static TicketRow ticket(String status, Instant closed) {
        return new TicketRow("acme", "K-1", "C-1", day(45), closed, status, "low", "Question");
    }

    private static ReturnRow ret(String key, int day) {
        return new ReturnRow(
                "acme", key, "O-4", "C-1", "SKU-1", day(day), 1L, amount("25.01"), "damaged");
    }

    private static Instant day(int n) {
        return DAY_0.plus(Duration.ofDays(n));
    }

    private static BigDecimal amount(String text) {
        return new BigDecimal(text);
    }
}
