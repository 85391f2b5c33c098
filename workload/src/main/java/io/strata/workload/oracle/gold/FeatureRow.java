package io.strata.workload.oracle.gold;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One expected row of {@code gold.customer_features_history} (and, with {@code validTo} null, of
 * {@code gold.customer_features}): the columns of the {@code CustomerFeatures} Avro record except
 * {@code computed_at} (wall clock) and {@code feature_version} (always 1). Definitions and null
 * rules are {@code docs/gold.md}'s; amounts have scale 2.
 *
 * @param purchaseTrend the double nearest to the exact quotient of the two windows' spend
 * @param validTo the next row's {@code validFrom}, null for the current row
 */
public record FeatureRow(
        String tenantId,
        String customerKey,
        String customerHk,
        int orderCount30d,
        BigDecimal avgOrderValue30d,
        BigDecimal lifetimeSpend,
        long lifetimeOrderCount,
        Instant firstOrderTime,
        Instant lastOrderTime,
        Integer daysSinceLastOrder,
        Double purchaseTrend,
        int openSupportTickets,
        Double returnRate90d,
        Instant validFrom,
        Instant validTo) {

    FeatureRow withValidTo(Instant to) {
        return new FeatureRow(
                tenantId,
                customerKey,
                customerHk,
                orderCount30d,
                avgOrderValue30d,
                lifetimeSpend,
                lifetimeOrderCount,
                firstOrderTime,
                lastOrderTime,
                daysSinceLastOrder,
                purchaseTrend,
                openSupportTickets,
                returnRate90d,
                validFrom,
                to);
    }
}
