package io.strata.tools.analysts;

import static java.util.stream.Collectors.joining;

import io.strata.common.vault.HashKeys;
import io.strata.model.gold.CustomerFeatureKey;
import io.strata.model.gold.CustomerFeatures;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Two versions of acme's C-000042's features and one of globex's, and labels on, just before and
 * between their boundaries, of an unknown customer, and before a customer's first row. The current
 * versions also go to the features topic, keyed as the job keys them.
 */
final class TrainingSetAsOfLabels implements DocQuery {

    private static final Duration MILLI = Duration.ofMillis(1);
    private static final Instant FIRST = Instant.parse("2024-03-01T10:00:00Z");
    private static final Instant SECOND = Instant.parse("2024-03-05T12:00:00Z");
    private static final Instant GLOBEX = Instant.parse("2024-03-02T08:30:00Z");

    private final CustomerFeatures acmeFirst =
            features("acme", "C-000042", FIRST, SECOND)
                    .setOrderCount30d(1)
                    .setAvgOrderValue30d(new BigDecimal("20.00"))
                    .setLifetimeSpend(new BigDecimal("20.00"))
                    .setLifetimeOrderCount(1)
                    .setFirstOrderTime(FIRST)
                    .setLastOrderTime(FIRST)
                    .setDaysSinceLastOrder(0)
                    .setReturnRate90d(0.0)
                    .build();
    private final CustomerFeatures acmeSecond =
            features("acme", "C-000042", SECOND, null)
                    .setOrderCount30d(2)
                    .setAvgOrderValue30d(new BigDecimal("25.00"))
                    .setLifetimeSpend(new BigDecimal("50.00"))
                    .setLifetimeOrderCount(2)
                    .setFirstOrderTime(FIRST)
                    .setLastOrderTime(SECOND)
                    .setDaysSinceLastOrder(0)
                    .setOpenSupportTickets(1)
                    .setReturnRate90d(0.5)
                    .build();
    private final CustomerFeatures globex =
            features("globex", "C-000042", GLOBEX, null)
                    .setOrderCount30d(1)
                    .setAvgOrderValue30d(new BigDecimal("7.00"))
                    .setLifetimeSpend(new BigDecimal("7.00"))
                    .setLifetimeOrderCount(1)
                    .setFirstOrderTime(GLOBEX)
                    .setLastOrderTime(GLOBEX)
                    .setDaysSinceLastOrder(0)
                    .setPurchaseTrend(1.25)
                    .setFeatureVersion(2)
                    .build();

    /** A label and the features it must get, or null when it must get no row. */
    private record Label(String tenant, String customer, Instant asOf, CustomerFeatures expected) {}

    private final List<Label> labels =
            List.of(
                    new Label("acme", "C-000042", FIRST.minus(MILLI), null),
                    new Label("acme", "C-000042", FIRST, acmeFirst),
                    new Label("acme", "C-000042", SECOND.minus(MILLI), acmeFirst),
                    new Label("acme", "C-000042", SECOND, acmeSecond),
                    new Label(
                            "acme", "C-000042", Instant.parse("2025-06-01T00:00:00Z"), acmeSecond),
                    new Label("acme", "no-such-customer", SECOND, null),
                    new Label("globex", "C-000042", Instant.parse("2024-03-03T00:00:00Z"), globex),
                    new Label("globex", "C-000042", GLOBEX.minus(Duration.ofDays(1)), null));

    @Override
    public String heading() {
        return "Point-in-time training set";
    }

    @Override
    public void write(IcebergWriter iceberg) {
        iceberg.append(
                iceberg.create("gold.customer_features_history", CustomerFeatures.getClassSchema()),
                List.of(acmeFirst, acmeSecond, globex));
    }

    @Override
    public void send(TopicWriter kafka) {
        for (CustomerFeatures current : List.of(acmeSecond, globex)) {
            kafka.send(
                    "gold.customer-features",
                    new CustomerFeatureKey(current.getTenantId(), current.getCustomerKey()),
                    current);
        }
    }

    /** The analyst's labels: a view over literal rows, as a training pipeline would provide. */
    @Override
    public List<String> preamble() {
        return List.of(
                "CREATE TEMPORARY VIEW labels AS SELECT tenant_id, customer_key,"
                        + " TO_TIMESTAMP_LTZ(as_of_millis, 3) AS as_of FROM (VALUES "
                        + labels.stream()
                                .map(
                                        l ->
                                                String.format(
                                                        "('%s', '%s', %d)",
                                                        l.tenant(),
                                                        l.customer(),
                                                        l.asOf().toEpochMilli()))
                                .collect(joining(", "))
                        + ") AS l (tenant_id, customer_key, as_of_millis)");
    }

    @Override
    public Expected expected(Map<String, Long> sent) {
        List<List<String>> rows = new ArrayList<>();
        for (Label l : labels) {
            if (l.expected() != null) {
                rows.add(row(l, l.expected()));
            }
        }
        return new Expected(
                List.of(
                        "tenant_id",
                        "customer_key",
                        "as_of",
                        "customer_hk",
                        "order_count_30d",
                        "avg_order_value_30d",
                        "lifetime_spend",
                        "lifetime_order_count",
                        "first_order_time",
                        "last_order_time",
                        "days_since_last_order",
                        "purchase_trend",
                        "open_support_tickets",
                        "return_rate_90d",
                        "valid_from",
                        "valid_to",
                        "feature_version"),
                rows,
                false);
    }

    private static List<String> row(Label l, CustomerFeatures f) {
        return List.of(
                l.tenant(),
                l.customer(),
                Printed.millis(l.asOf()),
                f.getCustomerHk(),
                Printed.of(f.getOrderCount30d()),
                Printed.of(f.getAvgOrderValue30d()),
                Printed.of(f.getLifetimeSpend()),
                Printed.of(f.getLifetimeOrderCount()),
                Printed.micros(f.getFirstOrderTime()),
                Printed.micros(f.getLastOrderTime()),
                Printed.of(f.getDaysSinceLastOrder()),
                Printed.of(f.getPurchaseTrend()),
                Printed.of(f.getOpenSupportTickets()),
                Printed.of(f.getReturnRate90d()),
                Printed.micros(f.getValidFrom()),
                Printed.micros(f.getValidTo()),
                Printed.of(f.getFeatureVersion()));
    }

    private static CustomerFeatures.Builder features(
            String tenant, String customer, Instant validFrom, Instant validTo) {
        return CustomerFeatures.newBuilder()
                .setTenantId(tenant)
                .setCustomerKey(customer)
                .setCustomerHk(HashKeys.hashKey(tenant, customer))
                .setValidFrom(validFrom)
                .setValidTo(validTo)
                .setComputedAt(validFrom.plusSeconds(60));
    }
}
