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
 * tickets and returns ({@link LiveEntities}). Windows are half-open, {@code (t - n days, t]}, on
 * order and return times.
 */
public final class FeatureCalculator {

    /** The features' definition version ({@code feature_version}). */
    public static final int VERSION = 1;

    /** The ticket status that counts as open. */
    public static final String OPEN = "open";

    static final long DAY = Duration.ofDays(1).toMillis();
    static final long RECENT = 30 * DAY;
    static final long RETURNS = 90 * DAY;

    /** The scale of amounts: an order's, and the sums and averages of them. */
    static final int SCALE = 2;

    private FeatureCalculator() {}

    /**
     * The row of {@code customer} valid from {@code t} to {@code validTo} (null: current), computed
     * at {@code computedAt}, from the customer's entities as of {@code t}.
     */
    public static CustomerFeatures compute(
            String tenant,
            String customer,
            LiveEntities live,
            long t,
            Long validTo,
            long computedAt) {
        LiveEntities.Orders lifetime = live.orders(Long.MIN_VALUE, t);
        LiveEntities.Orders recent = live.orders(t - RECENT, t);
        LiveEntities.Orders earlier = live.orders(t - 2 * RECENT, t - RECENT);
        long returnWindowOrders = live.orders(t - RETURNS, t).count();
        EntityVersion first = live.firstOrder(t);
        EntityVersion last = live.lastOrder(t);
        return CustomerFeatures.newBuilder()
                .setTenantId(tenant)
                .setCustomerKey(customer)
                .setCustomerHk(HashKeys.hashKey(tenant, customer))
                .setOrderCount30d((int) recent.count())
                .setAvgOrderValue30d(
                        recent.count() == 0
                                ? null
                                : recent.amount()
                                        .divide(
                                                BigDecimal.valueOf(recent.count()),
                                                SCALE,
                                                RoundingMode.HALF_EVEN))
                .setLifetimeSpend(lifetime.amount())
                .setLifetimeOrderCount(lifetime.count())
                .setFirstOrderTime(first == null ? null : Instant.ofEpochMilli(first.businessTime))
                .setLastOrderTime(last == null ? null : Instant.ofEpochMilli(last.businessTime))
                .setLastOrderCurrency(last == null ? null : last.currency)
                .setDaysSinceLastOrder(
                        last == null ? null : (int) Math.floorDiv(t - last.businessTime, DAY))
                .setPurchaseTrend(
                        earlier.amount().signum() == 0
                                ? null
                                : recent.amount().doubleValue() / earlier.amount().doubleValue())
                .setOpenSupportTickets(live.openTickets())
                .setReturnRate90d(
                        returnWindowOrders == 0
                                ? null
                                : (double) live.returns(t - RETURNS, t) / returnWindowOrders)
                .setValidFrom(Instant.ofEpochMilli(t))
                .setValidTo(validTo == null ? null : Instant.ofEpochMilli(validTo))
                .setComputedAt(Instant.ofEpochMilli(computedAt))
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
}
