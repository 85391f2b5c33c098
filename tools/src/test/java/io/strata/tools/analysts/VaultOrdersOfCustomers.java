package io.strata.tools.analysts;

import static io.strata.common.vault.HashKeys.hashKey;

import io.strata.common.vault.HashKeys;
import io.strata.model.gold.HubCustomer;
import io.strata.model.gold.HubOrder;
import io.strata.model.gold.LinkCustomerOrder;
import io.strata.model.gold.SatOrderHeader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A small Data Vault with ghost rows: acme's two customers with three orders, one order changed
 * (two satellite rows), one deleted by its latest version, and globex's customer and order with the
 * same business keys. Hash keys are the jobs' ({@link HashKeys}).
 */
final class VaultOrdersOfCustomers implements DocQuery {

    private static final Instant LOADED = Instant.parse("2024-03-01T10:00:00Z");
    private static final Instant SHIPPED = Instant.parse("2024-03-02T15:30:00Z");
    private static final Instant DELETED = Instant.parse("2024-03-03T09:00:00Z");
    private static final Instant EPOCH = Instant.EPOCH;

    @Override
    public String heading() {
        return "A Data Vault join";
    }

    @Override
    public void write(IcebergWriter iceberg) {
        iceberg.append(
                iceberg.create("gold.hub_customer", HubCustomer.getClassSchema()),
                List.of(
                        hubCustomer("acme", "C-000042"),
                        hubCustomer("acme", "C-000043"),
                        hubCustomer("globex", "C-000042"),
                        new HubCustomer(HashKeys.GHOST, "^^", "^^", EPOCH, "SYSTEM")));
        iceberg.append(
                iceberg.create("gold.hub_order", HubOrder.getClassSchema()),
                List.of(
                        hubOrder("acme", "SO-0000042"),
                        hubOrder("acme", "SO-0000043"),
                        hubOrder("acme", "SO-0000044"),
                        hubOrder("globex", "SO-0000042"),
                        new HubOrder(HashKeys.GHOST, "^^", "^^", EPOCH, "SYSTEM")));
        iceberg.append(
                iceberg.create("gold.link_customer_order", LinkCustomerOrder.getClassSchema()),
                List.of(
                        link("acme", "C-000042", "SO-0000042"),
                        link("acme", "C-000042", "SO-0000043"),
                        link("acme", "C-000043", "SO-0000044"),
                        link("globex", "C-000042", "SO-0000042")));
        iceberg.append(
                iceberg.create("gold.sat_order_header", SatOrderHeader.getClassSchema()),
                List.of(
                        header("acme", "SO-0000042", LOADED, "open", "20.00", false),
                        header("acme", "SO-0000042", SHIPPED, "shipped", "20.00", false),
                        header("acme", "SO-0000043", LOADED, "open", "30.00", false),
                        header("acme", "SO-0000043", DELETED, null, null, true),
                        header("acme", "SO-0000044", SHIPPED, "open", "5.50", false),
                        header("globex", "SO-0000042", LOADED, "open", "7.00", false),
                        new SatOrderHeader(
                                HashKeys.GHOST,
                                EPOCH,
                                HashKeys.GHOST,
                                "SYSTEM",
                                null,
                                null,
                                null,
                                null,
                                null,
                                false)));
    }

    @Override
    public Expected expected(Map<String, Long> sent) {
        return new Expected(
                List.of("customer_key", "order_key", "order_time", "status", "total_amount"),
                List.of(
                        List.of(
                                "C-000042",
                                "SO-0000042",
                                Printed.micros(LOADED),
                                "shipped",
                                "20.00"),
                        List.of("C-000043", "SO-0000044", Printed.micros(LOADED), "open", "5.50")),
                true);
    }

    private static HubCustomer hubCustomer(String tenant, String customer) {
        return new HubCustomer(
                hashKey(tenant, customer), tenant, customer, LOADED, "silver.customer");
    }

    private static HubOrder hubOrder(String tenant, String order) {
        return new HubOrder(hashKey(tenant, order), tenant, order, LOADED, "silver.order");
    }

    private static LinkCustomerOrder link(String tenant, String customer, String order) {
        return new LinkCustomerOrder(
                hashKey(tenant, customer, order),
                hashKey(tenant, customer),
                hashKey(tenant, order),
                tenant,
                LOADED,
                "silver.order");
    }

    /** A version of an order's header; its order time is when the order was first loaded. */
    private static SatOrderHeader header(
            String tenant,
            String order,
            Instant loadTime,
            String status,
            String total,
            boolean deleted) {
        return new SatOrderHeader(
                hashKey(tenant, order),
                loadTime,
                HashKeys.hashDiff(status, total, deleted),
                "silver.order",
                deleted ? null : LOADED,
                status,
                "web",
                "EUR",
                total == null ? null : new BigDecimal(total),
                deleted);
    }
}
