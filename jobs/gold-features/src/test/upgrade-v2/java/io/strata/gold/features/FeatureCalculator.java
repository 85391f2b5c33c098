package io.strata.gold.features;

import io.strata.common.vault.HashKeys;
import io.strata.model.gold.CustomerFeatures;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;

/**
 * v2 (upgrade-test fixture): v1 plus {@code last_order_currency}, from the versions' new {@link
 * EntityVersion#currency}.
 *
 * <p>v1: The feature definitions of {@code docs/gold.md}: one customer's row as of an instant
 * {@code t}, from the latest version at or before {@code t} of each of the customer's orders,
 * tickets and returns. Windows are half-open, {@code (t - n days, t]}, on order and return times.
 */
public final class FeatureCalculator {

    /** The features' definition version ({@code feature_version}). */
    public static final int VERSION = 1;

    /** The ticket status that counts as open. */
    public static final String OPEN = "open";

    static final long DAY = Duration.ofDays(1).toMillis();
    static final long RECENT = 30 * DAY;
    static final long RETURNS = 90 * DAY;

    private static final int SCALE = 2;
    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(SCALE);

    private FeatureCalculator() {}

    /**
     * The row of {@code customer} valid from {@code t} to {@code validTo} (null: current), computed
     * at {@code computedAt}; {@code latest} holds one version per entity, none after {@code t}.
     */
    public static CustomerFeatures compute(
            String tenant,
            String customer,
            Iterable<EntityVersion> latest,
            long t,
            Long validTo,
            long computedAt) {
        Tally tally = new Tally(t);
        for (EntityVersion v : latest) {
            if (v.isLiveFor(customer)) {
                tally.add(v);
            }
        }
        return CustomerFeatures.newBuilder()
                .setTenantId(tenant)
                .setCustomerKey(customer)
                .setCustomerHk(HashKeys.hashKey(tenant, customer))
                .setOrderCount30d(tally.recentOrders)
                .setAvgOrderValue30d(
                        tally.recentOrders == 0
                                ? null
                                : tally.recentSpend.divide(
                                        BigDecimal.valueOf(tally.recentOrders),
                                        SCALE,
                                        RoundingMode.HALF_EVEN))
                .setLifetimeSpend(tally.lifetimeSpend)
                .setLifetimeOrderCount(tally.lifetimeOrders)
                .setFirstOrderTime(instant(tally.firstOrder))
                .setLastOrderTime(instant(tally.lastOrder))
                .setDaysSinceLastOrder(
                        tally.lastOrder == null
                                ? null
                                : (int) Math.floorDiv(t - tally.lastOrder, DAY))
                .setPurchaseTrend(
                        tally.earlierSpend.signum() == 0
                                ? null
                                : tally.recentSpend.doubleValue()
                                        / tally.earlierSpend.doubleValue())
                .setOpenSupportTickets(tally.openTickets)
                .setReturnRate90d(
                        tally.returnWindowOrders == 0
                                ? null
                                : (double) tally.returns / tally.returnWindowOrders)
                .setValidFrom(Instant.ofEpochMilli(t))
                .setValidTo(instant(validTo))
                .setComputedAt(Instant.ofEpochMilli(computedAt))
                .setLastOrderCurrency(tally.lastOrderCurrency)
                .setFeatureVersion(VERSION)
                .build();
    }

    /**
     * Whether {@code v}, the latest version of its entity before {@code horizon}, can count in a
     * row at or after {@code horizon} while no newer version comes: a live order always can
     * (lifetime features), a live ticket while open, a live return while its return time is within
     * 90 days of some such row.
     */
    public static boolean mayCountFrom(EntityVersion v, String customer, long horizon) {
        if (!v.isLiveFor(customer)) {
            return false;
        }
        return switch (v.kind) {
            case ORDER -> true;
            case TICKET -> OPEN.equals(v.status);
            case RETURN -> v.businessTime > horizon - RETURNS;
        };
    }

    private static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    private static boolean within(long time, long t, long window) {
        return t - window < time && time <= t;
    }

    /** The sums and counts of one row, over the customer's live entities. */
    private static final class Tally {

        private final long t;
        private int recentOrders;
        private BigDecimal recentSpend = ZERO;
        private BigDecimal earlierSpend = ZERO;
        private BigDecimal lifetimeSpend = ZERO;
        private long lifetimeOrders;
        private Long firstOrder;
        private Long lastOrder;
        private String lastOrderCurrency;
        private int openTickets;
        private int returns;
        private int returnWindowOrders;

        Tally(long t) {
            this.t = t;
        }

        void add(EntityVersion v) {
            switch (v.kind) {
                case ORDER ->
                        addOrder(v.businessTime, v.amount == null ? ZERO : v.amount, v.currency);
                case TICKET -> openTickets += OPEN.equals(v.status) ? 1 : 0;
                case RETURN -> returns += within(v.businessTime, t, RETURNS) ? 1 : 0;
            }
        }

        private void addOrder(long orderTime, BigDecimal amount, String currency) {
            if (orderTime > t) {
                return;
            }
            if (lastOrder == null || orderTime > lastOrder) {
                lastOrderCurrency = currency;
            }
            lifetimeOrders++;
            lifetimeSpend = lifetimeSpend.add(amount);
            firstOrder = firstOrder == null ? orderTime : Math.min(firstOrder, orderTime);
            lastOrder = lastOrder == null ? orderTime : Math.max(lastOrder, orderTime);
            if (within(orderTime, t, RECENT)) {
                recentOrders++;
                recentSpend = recentSpend.add(amount);
            } else if (within(orderTime, t - RECENT, RECENT)) {
                earlierSpend = earlierSpend.add(amount);
            }
            if (within(orderTime, t, RETURNS)) {
                returnWindowOrders++;
            }
        }
    }
}
