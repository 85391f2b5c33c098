package io.strata.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.tools.bench.GoldLatencyMatch.GoldRecord;
import io.strata.workload.oracle.SilverRows.CustomerRow;
import io.strata.workload.oracle.SilverRows.OrderRow;
import io.strata.workload.oracle.SilverRows.TicketRow;
import io.strata.workload.oracle.SilverVersion;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Matching Gold topic records to the raw records they waited for, and Gold's expected rows. */
class GoldLatencyMatchTest {

    private static final Instant NOON = Instant.parse("2026-01-01T12:00:00Z");
    private static final long T1 = NOON.toEpochMilli();
    private static final long T2 = NOON.plusSeconds(1).toEpochMilli();

    /** Raw record position → when it was produced: position p at noon + 100 s + p ms. */
    private static long producedAt(long position) {
        return T1 + 100_000 + position;
    }

    /** A matcher over {@code versions}, record positions produced as {@link #producedAt} says. */
    private static GoldLatencyMatch matcher(SilverVersion... versions) {
        return new GoldLatencyMatch(List.of(versions), GoldLatencyMatchTest::producedAt);
    }

    @Test
    void latencyIsGoldWriteTimeMinusTheNewestRawRecordOfTheCustomerAtThatEventTime() {
        GoldLatencyMatch match =
                matcher(
                        order("acme", "o1", "c1", T1, 10),
                        order("acme", "o2", "c1", T1, 30), // same time, produced later
                        order("acme", "o3", "c2", T1, 20),
                        // Not a feature input: never a cause.
                        new SilverVersion(customer("acme", "c1"), at(T1), 99, false));

        assertThat(match.newestCause("acme", "c1", T1)).isEqualTo(producedAt(30));
        assertThat(match.newestCause("acme", "c2", T1)).isEqualTo(producedAt(20));
        assertThat(match.newestCause("acme", "c3", T2)).isZero();

        GoldLatencyMatch.Result r =
                match.match(
                        List.of(
                                new GoldRecord("acme", "c1", T1, producedAt(30) + 700),
                                // A rewrite of the same row later: the first record counts.
                                new GoldRecord("acme", "c1", T1, producedAt(30) + 9_000),
                                new GoldRecord("acme", "c2", T1, producedAt(20) + 300)),
                        0,
                        Long.MAX_VALUE,
                        Long.MAX_VALUE,
                        List.of(
                                new GoldRecord("acme", "c1", T1, 0),
                                new GoldRecord("acme", "c2", T1, 0)));

        assertThat(r.latencies()).isEqualTo(Latencies.of(new long[] {700, 300}));
        assertThat(r.expected()).isEqualTo(2);
        assertThat(r.unmatched()).isZero();
        assertThat(r.byTenantOnly()).isZero();
    }

    @Test
    void aDeleteNamesNoCustomerSoItsTenantAndTimeStandIn() {
        OrderRow tombstone =
                new OrderRow("acme", "o1", null, Instant.EPOCH, null, null, null, null);
        GoldLatencyMatch match = matcher(new SilverVersion(tombstone, at(T2), 40, true));

        GoldLatencyMatch.Result r =
                match.match(
                        List.of(
                                new GoldRecord("acme", "c1", T2, producedAt(40) + 50),
                                new GoldRecord("globex", "c9", T2, producedAt(40) + 50)),
                        0,
                        Long.MAX_VALUE,
                        Long.MAX_VALUE,
                        List.of(new GoldRecord("acme", "c1", T2, 0)));

        assertThat(r.latencies().count()).isEqualTo(1);
        assertThat(r.latencies().p50()).isEqualTo(50);
        assertThat(r.byTenantOnly()).isEqualTo(1);
        assertThat(r.unmatched()).isEqualTo(1);
    }

    @Test
    void onlyRowsWhoseNewestRawRecordFallsInTheWindowAreMeasured() {
        GoldLatencyMatch match =
                matcher(
                        order("acme", "o1", "c1", T1, 0),
                        new SilverVersion(ticket("acme", "t1", "c2"), at(T2), 500, false));
        List<GoldRecord> rows =
                List.of(new GoldRecord("acme", "c1", T1, 0), new GoldRecord("acme", "c2", T2, 0));

        GoldLatencyMatch.Result r =
                match.match(
                        List.of(
                                new GoldRecord("acme", "c1", T1, producedAt(0) + 10),
                                new GoldRecord("acme", "c2", T2, producedAt(500) + 20)),
                        producedAt(100),
                        producedAt(1_000),
                        Long.MAX_VALUE,
                        rows);

        assertThat(r.latencies()).isEqualTo(Latencies.of(new long[] {20}));
        assertThat(r.outside()).isEqualTo(1);
        assertThat(r.expected()).isEqualTo(1);
    }

    @Test
    void aRowNeverCurrentIsShownByTheFirstLaterRowOfItsCustomerAndAMissingOneIsCounted() {
        long t3 = T2 + 1_000;
        GoldLatencyMatch match =
                matcher(
                        order("acme", "o1", "c1", T1, 10),
                        order("acme", "o2", "c1", T2, 20),
                        order("acme", "o3", "c1", t3, 30),
                        order("acme", "o4", "c2", T2, 40));

        GoldLatencyMatch.Result r =
                match.match(
                        List.of(
                                // One watermark passed T1 and T2: only T2's row was current.
                                new GoldRecord("acme", "c1", T2, producedAt(20) + 500),
                                new GoldRecord("acme", "c1", t3, producedAt(30) + 600)),
                        0,
                        Long.MAX_VALUE,
                        Long.MAX_VALUE,
                        List.of(
                                new GoldRecord("acme", "c1", T1, 0),
                                new GoldRecord("acme", "c1", T2, 0),
                                new GoldRecord("acme", "c1", t3, 0),
                                new GoldRecord("acme", "c2", T2, 0)));

        assertThat(r.latencies()).isEqualTo(Latencies.of(new long[] {510, 500, 600}));
        assertThat(r.viaLaterRow()).isEqualTo(1);
        assertThat(r.expected()).isEqualTo(4);
        assertThat(r.missing()).isEqualTo(1);
    }

    @Test
    void rowsPastTheEventTimeMeasuredUpToAreCountedButNotExpected() {
        GoldLatencyMatch match =
                matcher(order("acme", "o1", "c1", T1, 10), order("acme", "o2", "c2", T2, 20));

        GoldLatencyMatch.Result r =
                match.match(
                        List.of(new GoldRecord("acme", "c1", T1, producedAt(10) + 100)),
                        0,
                        Long.MAX_VALUE,
                        T1,
                        List.of(
                                new GoldRecord("acme", "c1", T1, 0),
                                // Gold never wrote it: the watermark did not pass T2.
                                new GoldRecord("acme", "c2", T2, 0)));

        assertThat(r.latencies()).isEqualTo(Latencies.of(new long[] {100}));
        assertThat(r.expected()).isEqualTo(1);
        assertThat(r.unreleased()).isEqualTo(1);
        assertThat(r.missing()).isZero();
    }

    @Test
    void goldMustHoldTheOracleRowsTheLowestInputsWatermarkPassedOnceTheInputEnds() {
        Instant last = NOON.plusSeconds(60);
        List<SilverVersion> versions =
                List.of(
                        order("acme", "o1", "c1", T1, 1),
                        order("acme", "o2", "c1", T2, 2),
                        order("acme", "o3", "c2", last.toEpochMilli(), 3),
                        // 29 s before the newest order: not released.
                        order("acme", "o4", "c3", last.minusSeconds(29).toEpochMilli(), 4));

        Instant watermark = last.minusSeconds(30).minusMillis(1);
        assertThat(GoldExpectation.of(versions, Duration.ofSeconds(30)))
                .isEqualTo(new GoldExpectation(2, at(T2), watermark));
        assertThat(GoldExpectation.of(versions, Duration.ofSeconds(10)).rows()).isEqualTo(3);
        assertThat(GoldExpectation.of(List.of(), Duration.ofSeconds(30)).rows()).isZero();

        // A ticket input whose newest event is older holds the end back: o3's row waits.
        List<SilverVersion> withTicket = new ArrayList<>(versions);
        withTicket.add(
                new SilverVersion(ticket("acme", "t1", "c4"), last.minusSeconds(20), 5, false));
        assertThat(GoldExpectation.of(withTicket, Duration.ofSeconds(10)))
                .isEqualTo(new GoldExpectation(2, at(T2), last.minusSeconds(30).minusMillis(1)));
    }

    private static SilverVersion order(
            String tenant, String key, String customer, long t, long position) {
        return new SilverVersion(
                new OrderRow(
                        tenant,
                        key,
                        customer,
                        at(t),
                        "placed",
                        "web",
                        "EUR",
                        new BigDecimal("20.00")),
                at(t),
                position,
                false);
    }

    private static TicketRow ticket(String tenant, String key, String customer) {
        return new TicketRow(tenant, key, customer, at(T2), null, "open", "high", "broken");
    }

    private static CustomerRow customer(String tenant, String key) {
        return new CustomerRow(tenant, key, "Ada", null, null, null, null, null, null);
    }

    private static Instant at(long millis) {
        return Instant.ofEpochMilli(millis);
    }
}
