package io.strata.gold;

import io.strata.model.gold.CustomerFeatures;
import io.strata.workload.oracle.gold.FeatureRow;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.types.Row;

/**
 * Labels for the analysts' point-in-time query ({@code docs/analysts.md}) and its result rows: the
 * instants a training set asks about are where an as-of lookup goes wrong, so they sit on and next
 * to the boundaries of the customers' feature rows.
 */
final class PointInTimeLabels {

    /** A customer that has no feature row: its labels get no row. */
    private static final String UNKNOWN_CUSTOMER = "no-such-customer";

    private static final Duration MILLI = Duration.ofMillis(1);

    private PointInTimeLabels() {}

    /** One row of the {@code labels} table: a customer and an instant. */
    record Label(String tenantId, String customerKey, Instant asOf) {}

    /** A result row: the label and the features the query returned for it. */
    record Labeled(Label label, CustomerFeatures features) {

        /** A row of the point-in-time query, by column name; {@code computed_at} at the epoch. */
        static Labeled of(Row row) {
            Label label =
                    new Label(
                            (String) row.getField("tenant_id"),
                            (String) row.getField("customer_key"),
                            (Instant) row.getField("as_of"));
            CustomerFeatures features =
                    CustomerFeatures.newBuilder()
                            .setTenantId(label.tenantId())
                            .setCustomerKey(label.customerKey())
                            .setCustomerHk((String) row.getField("customer_hk"))
                            .setOrderCount30d((Integer) row.getField("order_count_30d"))
                            .setAvgOrderValue30d((BigDecimal) row.getField("avg_order_value_30d"))
                            .setLifetimeSpend((BigDecimal) row.getField("lifetime_spend"))
                            .setLifetimeOrderCount((Long) row.getField("lifetime_order_count"))
                            .setFirstOrderTime((Instant) row.getField("first_order_time"))
                            .setLastOrderTime((Instant) row.getField("last_order_time"))
                            .setDaysSinceLastOrder((Integer) row.getField("days_since_last_order"))
                            .setPurchaseTrend((Double) row.getField("purchase_trend"))
                            .setOpenSupportTickets((Integer) row.getField("open_support_tickets"))
                            .setReturnRate90d((Double) row.getField("return_rate_90d"))
                            .setValidFrom((Instant) row.getField("valid_from"))
                            .setValidTo((Instant) row.getField("valid_to"))
                            .setComputedAt(Instant.EPOCH)
                            .setFeatureVersion((Integer) row.getField("feature_version"))
                            .build();
            return new Labeled(label, features);
        }

        /** With the features' ratios rounded as {@link OracleSilverRows#comparable} does. */
        Labeled comparable() {
            return new Labeled(label, OracleSilverRows.comparable(features));
        }
    }

    /**
     * Labels for {@code customers} customers with at least three feature rows, spread over {@code
     * history} (sorted by tenant, customer and valid_from): a millisecond before the first row, at
     * a middle row's valid_from (its predecessor's valid_to), inside it, on its last millisecond,
     * and long after the last row; and one label of an unknown customer.
     */
    static List<Label> sample(List<FeatureRow> history, int customers) {
        Map<List<String>, List<FeatureRow>> byCustomer = new LinkedHashMap<>();
        for (FeatureRow r : history) {
            byCustomer
                    .computeIfAbsent(List.of(r.tenantId(), r.customerKey()), k -> new ArrayList<>())
                    .add(r);
        }
        List<List<FeatureRow>> changing =
                byCustomer.values().stream().filter(rows -> rows.size() >= 3).toList();
        int count = Math.min(customers, changing.size());
        Set<Label> labels = new LinkedHashSet<>();
        for (int i = 0; i < count; i++) {
            List<FeatureRow> rows = changing.get(i * changing.size() / count);
            FeatureRow first = rows.get(0);
            FeatureRow middle = rows.get(rows.size() / 2);
            FeatureRow last = rows.get(rows.size() - 1);
            Instant from = middle.validFrom();
            Instant to = middle.validTo();
            labels.add(label(first, first.validFrom().minus(MILLI)));
            labels.add(label(middle, from));
            labels.add(label(middle, between(from, to)));
            labels.add(label(middle, to.minus(MILLI)));
            labels.add(label(last, last.validFrom().plus(Duration.ofDays(400))));
        }
        FeatureRow any = history.get(0);
        labels.add(new Label(any.tenantId(), UNKNOWN_CUSTOMER, any.validFrom()));
        return List.copyOf(labels);
    }

    /** The millisecond halfway between two instants, rounded down. */
    private static Instant between(Instant from, Instant to) {
        return Instant.ofEpochMilli((from.toEpochMilli() + to.toEpochMilli()) / 2);
    }

    private static Label label(FeatureRow row, Instant asOf) {
        return new Label(row.tenantId(), row.customerKey(), asOf);
    }
}
