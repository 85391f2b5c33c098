package io.strata.gold.features;

import static io.strata.gold.features.SilverLog.at;
import static io.strata.gold.features.SilverLog.day;
import static org.assertj.core.api.Assertions.assertThat;

import io.strata.model.gold.CustomerFeatures;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecordBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a customer's ledger answers, against the plain reading of the definitions (each entity's
 * latest version at or before the row's time, all of them looked at), and what it settles once a
 * horizon has passed.
 */
class CustomerLedgerTest {

    private static final String CUSTOMER = "c-1";
    private static final Instant HORIZON = day(100);

    @Test
    void eachRowFromAnInstantSeesEachEntitysLatestVersionAndTheLaterPositionOnATie()
            throws Exception {
        SilverLog log = new SilverLog();
        log.order("o-1", CUSTOMER, day(0), "1.00");
        log.order("o-1", CUSTOMER, day(2), day(0), "2.00");
        log.order("o-1", CUSTOMER, day(2), day(0), "3.00");
        log.order("o-1", CUSTOMER, day(5), day(0), "4.00");
        log.order("o-2", CUSTOMER, day(3), "9.00");
        CustomerLedger ledger = CustomerLedger.of(CUSTOMER, null, versions(log.rows()));

        assertThat(rowsFrom(ledger, day(2)))
                .containsExactly(
                        day(2) + " 1 order 3.00 last o-1 until " + day(3),
                        day(3) + " 2 orders 12.00 last o-2 until " + day(5),
                        day(5) + " 2 orders 13.00 last o-2 until now");
        assertThat(ledger.firstEventTimeFrom(day(1).toEpochMilli()))
                .isEqualTo(day(2).toEpochMilli());
        assertThat(ledger.firstEventTimeFrom(day(6).toEpochMilli())).isNull();
    }

    @Test
    void aSettledEntityIsReplacedByItsAppliedVersionFromThatVersionsTimeOn() throws Exception {
        SilverLog log = new SilverLog();
        log.order("o-1", CUSTOMER, day(1), "1.00");
        log.order("o-2", CUSTOMER, day(2), "2.00");
        CustomerLedger first = CustomerLedger.of(CUSTOMER, null, versions(log.rows()));
        first.settle(day(3).toEpochMilli());
        SilverLog later = new SilverLog();
        later.order("o-1", CUSTOMER, day(4), day(1), "5.00");
        later.orderDelete("o-2", day(6));
        CustomerLedger ledger =
                CustomerLedger.of(CUSTOMER, first.settled(), versions(later.rows()));

        assertThat(rowsFrom(ledger, day(4)))
                .containsExactly(
                        day(4) + " 2 orders 7.00 last o-2 until " + day(6),
                        day(6) + " 1 order 5.00 last o-1 until now");
    }

    @Test
    void beforeTheHorizonOnlyTheLatestVersionThatCanStillCountIsSettled() {
        SilverLog log = new SilverLog();
        log.order("live", CUSTOMER, day(1), "1.00");
        log.order("live", CUSTOMER, day(2), day(1), "2.00");
        log.order("cancelled", CUSTOMER, day(1), "1.00");
        log.orderDelete("cancelled", day(3));
        log.order("moved", CUSTOMER, day(1), "1.00");
        log.order("moved", "c-2", day(4), day(1), "1.00");
        log.ticket("open", CUSTOMER, day(5), "open");
        log.ticket("closed", CUSTOMER, day(5), "open");
        log.ticket("closed", CUSTOMER, day(6), "closed");
        log.productReturn("recent", CUSTOMER, day(50), day(50));
        log.productReturn("old", CUSTOMER, day(50), day(10));
        log.order("changing", CUSTOMER, at(99, 23), "1.00");
        log.orderDelete("changing", HORIZON);
        CustomerLedger ledger = CustomerLedger.of(CUSTOMER, null, versions(log.rows()));

        CustomerLedger.Settlement settlement = ledger.settle(HORIZON.toEpochMilli());

        assertThat(ledger.settled())
                .extracting(v -> v.kind + " " + v.key + "@" + v.eventTime)
                .containsExactly(
                        "ORDER live@" + day(2).toEpochMilli(),
                        "ORDER changing@" + at(99, 23).toEpochMilli(),
                        "TICKET open@" + day(5).toEpochMilli(),
                        "RETURN recent@" + day(50).toEpochMilli());
        assertThat(settlement.settledChanged).isTrue();
        assertThat(settlement.leftApplied).hasSize(log.rows().size() - 1);
        assertThat(ledger.firstEventTimeFrom(Long.MIN_VALUE)).isEqualTo(HORIZON.toEpochMilli());
    }

    @Test
    void aSettledReturnGoesOnceNinetyDaysOld() {
        SilverLog log = new SilverLog();
        log.productReturn("r-1", CUSTOMER, day(10), day(10));
        CustomerLedger ledger = CustomerLedger.of(CUSTOMER, null, versions(log.rows()));
        ledger.settle(day(11).toEpochMilli());
        CustomerLedger next = CustomerLedger.of(CUSTOMER, ledger.settled(), List.of());

        assertThat(next.settle(day(99).toEpochMilli()).settledChanged).isFalse();
        assertThat(next.settle(day(100).toEpochMilli()).settledChanged).isTrue();
        assertThat(next.settled()).isEmpty();
    }

    /**
     * Random histories, applied in event time in chunks, settled at a random horizon after each:
     * every row equals the row computed from every version so far. Seeds above 8 also have amounts
     * in thousandths and beyond a long's hundredths, which Silver's decimal(18,2) never has.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11})
    void everyRowEqualsTheRowFromAllVersionsWhateverWasSettled(long seed) throws Exception {
        Random random = new Random(seed);
        List<EntityVersion> all = randomHistory(random, 400, seed > 8);
        List<EntityVersion> settled = null;
        List<EntityVersion> applied = new ArrayList<>();
        long horizon = Long.MIN_VALUE;
        int next = 0;
        int rows = 0;
        while (next < all.size()) {
            int end = Math.min(all.size(), next + 1 + random.nextInt(12));
            long from = all.get(next).eventTime;
            applied.addAll(all.subList(next, end));
            List<EntityVersion> upToNow = all.subList(0, end);
            CustomerLedger ledger = CustomerLedger.of(CUSTOMER, settled, applied);
            List<String> mismatches = new ArrayList<>();
            int[] count = {0};
            ledger.forEachRowFrom(
                    from,
                    (t, nextTime, live) -> {
                        count[0]++;
                        CustomerFeatures got =
                                FeatureCalculator.compute("acme", CUSTOMER, live, t, nextTime, 0);
                        CustomerFeatures want =
                                FeatureCalculator.compute(
                                        "acme",
                                        CUSTOMER,
                                        new AllVersions(upToNow, t),
                                        t,
                                        nextTime,
                                        0);
                        if (!got.equals(want)) {
                            mismatches.add(t + ": " + got + " <> " + want);
                        }
                    });
            assertThat(mismatches).as("seed %d, versions up to %d", seed, end).isEmpty();
            rows += count[0];
            next = end;
            if (next < all.size()) {
                long limit = all.get(next).eventTime;
                long candidate = limit - (long) (random.nextDouble() * 20 * FeatureCalculator.DAY);
                horizon = Math.max(horizon, candidate);
                CustomerLedger.Settlement settlement = ledger.settle(horizon);
                applied.removeIf(v -> settlement.leftApplied.contains(v.id()));
                settled = ledger.settled();
            }
        }
        assertThat(rows).as("rows checked").isGreaterThan(100);
    }

    /** Orders, tickets and returns of a few customers over 300 days, in event time. */
    private static List<EntityVersion> randomHistory(Random random, int size, boolean odd) {
        List<EntityVersion> history = new ArrayList<>();
        Map<String, EntityVersion> latest = new LinkedHashMap<>();
        long time = day(0).toEpochMilli();
        for (int i = 0; i < size; i++) {
            time += (long) (random.nextDouble() * FeatureCalculator.DAY);
            InputKind kind = InputKind.values()[random.nextInt(InputKind.values().length)];
            String key = kind.name().toLowerCase() + "-" + random.nextInt(40);
            EntityVersion before = latest.get(kind + key);
            EntityVersion v = new EntityVersion();
            v.kind = kind;
            v.key = key;
            v.eventTime = random.nextInt(10) == 0 ? time - FeatureCalculator.DAY / 4 : time;
            v.sourcePosition = "silver/0/" + i;
            v.deleted = random.nextInt(8) == 0;
            v.customerKey = random.nextInt(6) == 0 ? "c-2" : CUSTOMER;
            long businessTime =
                    before != null && random.nextBoolean()
                            ? before.businessTime
                            : v.eventTime
                                    - (long) (random.nextDouble() * 120 * FeatureCalculator.DAY)
                                    + (random.nextInt(10) == 0 ? 3 * FeatureCalculator.DAY : 0);
            switch (kind) {
                case ORDER -> {
                    v.businessTime = businessTime;
                    v.amount =
                            random.nextInt(10) == 0
                                    ? null
                                    : BigDecimal.valueOf(random.nextInt(100_000), 2);
                    if (odd && random.nextInt(30) == 0) {
                        v.amount =
                                random.nextBoolean()
                                        ? BigDecimal.valueOf(random.nextInt(100_000), 3)
                                        : new BigDecimal("92233720368547758.07");
                    }
                }
                case TICKET -> v.status = random.nextBoolean() ? FeatureCalculator.OPEN : "closed";
                case RETURN -> v.businessTime = businessTime;
            }
            latest.put(kind + key, v);
            history.add(v);
        }
        history.sort(EntityVersion.SEQUENCE);
        return history;
    }

    /** The definitions' plain reading: every version looked at for one row. */
    private record AllVersions(List<EntityVersion> versions, long t) implements LiveEntities {

        private List<EntityVersion> live(InputKind kind) {
            Map<String, EntityVersion> latest = new LinkedHashMap<>();
            versions.stream()
                    .filter(v -> v.kind == kind && v.eventTime <= t)
                    .sorted(EntityVersion.SEQUENCE)
                    .forEach(v -> latest.put(v.entity(), v));
            return latest.values().stream().filter(v -> v.isLiveFor(CUSTOMER)).toList();
        }

        @Override
        public Orders orders(long after, long upTo) {
            long count = 0;
            BigDecimal amount = BigDecimal.ZERO.setScale(2);
            for (EntityVersion v : live(InputKind.ORDER)) {
                if (after < v.businessTime && v.businessTime <= upTo) {
                    count++;
                    amount = amount.add(v.amount == null ? BigDecimal.ZERO : v.amount);
                }
            }
            return new Orders(count, amount);
        }

        @Override
        public EntityVersion firstOrder(long at) {
            return ordersUpTo(at).min(CustomerLedger.SETTLED).orElse(null);
        }

        @Override
        public EntityVersion lastOrder(long at) {
            return ordersUpTo(at).max(CustomerLedger.SETTLED).orElse(null);
        }

        private Stream<EntityVersion> ordersUpTo(long at) {
            return live(InputKind.ORDER).stream().filter(v -> v.businessTime <= at);
        }

        @Override
        public int openTickets() {
            return (int)
                    live(InputKind.TICKET).stream()
                            .filter(v -> FeatureCalculator.OPEN.equals(v.status))
                            .count();
        }

        @Override
        public int returns(long after, long upTo) {
            return (int)
                    live(InputKind.RETURN).stream()
                            .filter(v -> after < v.businessTime && v.businessTime <= upTo)
                            .count();
        }
    }

    private static List<String> rowsFrom(CustomerLedger ledger, Instant from) throws Exception {
        List<String> rows = new ArrayList<>();
        ledger.forEachRowFrom(
                from.toEpochMilli(),
                (t, next, live) -> {
                    LiveEntities.Orders orders = live.orders(Long.MIN_VALUE, t);
                    rows.add(
                            Instant.ofEpochMilli(t)
                                    + " "
                                    + orders.count()
                                    + (orders.count() == 1 ? " order " : " orders ")
                                    + orders.amount()
                                    + " last "
                                    + live.lastOrder(t).key
                                    + " until "
                                    + (next == null ? "now" : Instant.ofEpochMilli(next)));
                });
        return rows;
    }

    private static List<EntityVersion> versions(List<SpecificRecordBase> rows) {
        List<EntityVersion> versions = new ArrayList<>();
        rows.forEach(r -> versions.add(FeaturePipeline.event(r).version));
        versions.sort(Comparator.comparingLong(v -> v.eventTime));
        return versions;
    }
}
