package io.strata.tools.analysts;

import static io.strata.tools.analysts.SilverRows.customer;
import static io.strata.tools.analysts.SilverRows.order;

import io.strata.model.silver.Customer;
import io.strata.model.silver.Order;
import java.util.List;
import java.util.Map;

/**
 * Silver's customers and orders: acme's premium (gold) customers' orders this month, next to a
 * silver-segment customer, an order of last month, an order without total (counted, not averaged),
 * one whose customer has no row, and another tenant with the same customer key.
 */
final class PremiumOrdersThisMonth implements DocQuery {

    private final Today today;

    PremiumOrdersThisMonth(Today today) {
        this.today = today;
    }

    @Override
    public String heading() {
        return "Average order value of premium customers this month";
    }

    @Override
    public void write(IcebergWriter iceberg) {
        iceberg.append(
                iceberg.create("silver.customer", Customer.getClassSchema()),
                List.of(
                        customer("acme", "C-000042", "gold"),
                        customer("acme", "C-000043", "gold"),
                        customer("acme", "C-000044", "silver"),
                        customer("globex", "C-000042", "gold")));
        iceberg.append(
                iceberg.create("silver.order", Order.getClassSchema()),
                List.of(
                        order("acme", "SO-0000001", "C-000042", today.thisMonth(1), "100.00"),
                        order("acme", "SO-0000002", "C-000042", today.thisMonth(5), "50.00"),
                        order("acme", "SO-0000003", "C-000043", today.thisMonth(9), "30.03"),
                        order("acme", "SO-0000004", "C-000043", today.thisMonth(2), null),
                        order("acme", "SO-0000005", "C-000044", today.thisMonth(3), "999.00"),
                        order("acme", "SO-0000006", "C-000042", today.lastMonth(), "1000.00"),
                        order("acme", "SO-0000007", "C-000099", today.thisMonth(4), "10.00"),
                        order("globex", "SO-0000001", "C-000042", today.thisMonth(6), "7.00")));
    }

    @Override
    public Expected expected(Map<String, Long> sent) {
        // acme: (100.00 + 50.00 + 30.03) / 3 = 60.01 over four orders, one without total.
        return new Expected(
                List.of("tenant_id", "orders", "avg_order_value"),
                List.of(List.of("acme", "4", "60.01"), List.of("globex", "1", "7.00")),
                true);
    }
}
