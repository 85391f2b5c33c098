package io.strata.workload.oracle.gold;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;

/**
 * The feature definitions of {@code docs/gold.md}, given what counts for a customer at time {@code
 * t}: its live orders, its open tickets and the return times of its returns (each the latest
 * version with event time {@code <= t}). Selecting those is up to the caller; the two callers
 * ({@link FeatureHistory} and {@link FeaturesAsOf}) select them in different ways.
 *
 * <p>Windows are half-open, {@code (t - d, t]}; orders with an {@code order_time} after {@code t}
 * count nowhere. A null {@code total_amount} counts as 0 in every sum and the order still counts in
 * the average's denominator.
 */
final class FeatureMath {

    /** What a live order contributes. */
    record OrderFact(Instant orderTime, BigDecimal totalAmount) {}

    private static final long DAY = Duration.ofDays(1).toMillis();
    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private FeatureMath() {}

    /** The features as of {@code t}, valid from {@code t}, without a {@code validTo} yet. */
    static FeatureRow at(
            String tenant,
            String customer,
            Instant t,
            Collection<OrderFact> liveOrders,
            int openTickets,
            Collection<Instant> returnTimes) {
        Instant d30 = t.minus(Duration.ofDays(30));
        Instant d60 = t.minus(Duration.ofDays(60));
        Instant d90 = t.minus(Duration.ofDays(90));
        int count30 = 0;
        BigDecimal spend30 = ZERO;
        BigDecimal spendBefore = ZERO;
        BigDecimal lifetime = ZERO;
        long lifetimeCount = 0;
        int orders90 = 0;
        Instant first = null;
        Instant last = null;
        for (OrderFact o : liveOrders) {
            Instant at = o.orderTime();
            if (at.isAfter(t)) {
                continue;
            }
            BigDecimal total = o.totalAmount() == null ? ZERO : o.totalAmount();
            lifetimeCount++;
            lifetime = lifetime.add(total);
            first = first == null || at.isBefore(first) ? at : first;
            last = last == null || at.isAfter(last) ? at : last;
            if (at.isAfter(d30)) {
                count30++;
                spend30 = spend30.add(total);
            } else if (at.isAfter(d60)) {
                spendBefore = spendBefore.add(total);
            }
            if (at.isAfter(d90)) {
                orders90++;
            }
        }
        long returns90 = returnTimes.stream().filter(r -> r.isAfter(d90) && !r.isAfter(t)).count();
        return new FeatureRow(
                tenant,
                customer,
                VaultHash.hashKey(tenant, customer),
                count30,
                count30 == 0
                        ? null
                        : spend30.divide(BigDecimal.valueOf(count30), 2, RoundingMode.HALF_EVEN),
                lifetime,
                lifetimeCount,
                first,
                last,
                last == null
                        ? null
                        : Math.toIntExact(
                                Math.floorDiv(t.toEpochMilli() - last.toEpochMilli(), DAY)),
                spendBefore.signum() == 0 ? null : quotient(spend30, spendBefore),
                openTickets,
                orders90 == 0 ? null : (double) returns90 / orders90,
                t,
                null);
    }

    /** The double nearest to {@code a / b}: both are exact as cents, and IEEE division rounds. */
    private static double quotient(BigDecimal a, BigDecimal b) {
        return (double) cents(a) / (double) cents(b);
    }

    private static long cents(BigDecimal amount) {
        return amount.setScale(2).unscaledValue().longValueExact();
    }
}
