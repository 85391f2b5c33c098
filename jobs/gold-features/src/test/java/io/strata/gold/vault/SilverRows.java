package io.strata.gold.vault;

import io.strata.model.silver.Customer;
import io.strata.model.silver.EntityMeta;
import io.strata.model.silver.Order;
import io.strata.model.silver.OrderLine;
import io.strata.model.silver.Product;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Silver row versions for tests, as silver-conform publishes them: a customer with a name and
 * email, a product with a name and price, an order of a customer with a status and total, an order
 * line of a product; deletes carry only their keys. Lineage columns Gold does not read are filled
 * with fixed values; the Silver manifest id (Gold's manifest lineage) is one of three per tenant.
 */
public final class SilverRows {

    public static final String ACME = "acme";
    public static final Instant MONDAY_9AM = Instant.parse("2024-03-04T09:00:00Z");

    private static final AtomicLong OFFSETS = new AtomicLong();

    private SilverRows() {}

    /** {@code minutes} after Monday 9 am. */
    public static Instant at(int minutes) {
        return MONDAY_9AM.plus(Duration.ofMinutes(minutes));
    }

    public static Customer customer(String tenant, String key, String name, Instant at) {
        return Customer.newBuilder()
                .setMeta(meta(tenant, at, false))
                .setCustomerKey(key)
                .setName(name)
                .setEmail(name == null ? null : name.toLowerCase() + "@example.com")
                .build();
    }

    public static Customer customerDelete(String tenant, String key, Instant at) {
        return Customer.newBuilder().setMeta(meta(tenant, at, true)).setCustomerKey(key).build();
    }

    public static Product product(
            String tenant, String key, String name, String price, Instant at) {
        return Product.newBuilder()
                .setMeta(meta(tenant, at, false))
                .setProductKey(key)
                .setName(name)
                .setUnitPrice(price == null ? null : new BigDecimal(price))
                .setCurrency("EUR")
                .build();
    }

    public static Order order(
            String tenant,
            String key,
            String customerKey,
            String status,
            String total,
            Instant at) {
        return Order.newBuilder()
                .setMeta(meta(tenant, at, false))
                .setOrderKey(key)
                .setCustomerKey(customerKey)
                .setOrderTime(MONDAY_9AM)
                .setStatus(status)
                .setChannel("web")
                .setCurrency("EUR")
                .setTotalAmount(total == null ? null : new BigDecimal(total))
                .build();
    }

    public static Order orderDelete(String tenant, String key, Instant at) {
        return Order.newBuilder()
                .setMeta(meta(tenant, at, true))
                .setOrderKey(key)
                .setOrderTime(MONDAY_9AM)
                .build();
    }

    public static OrderLine line(
            String tenant, String orderKey, String lineKey, String productKey, Instant at) {
        return OrderLine.newBuilder()
                .setMeta(meta(tenant, at, false))
                .setOrderKey(orderKey)
                .setLineKey(lineKey)
                .setProductKey(productKey)
                .setQuantity(1L)
                .build();
    }

    private static EntityMeta meta(String tenant, Instant at, boolean deleted) {
        long offset = OFFSETS.incrementAndGet();
        return EntityMeta.newBuilder()
                .setTenantId(tenant)
                .setApp("shop")
                .setSchemaVersion("1")
                .setConfigVersion("v1")
                .setEventTime(at)
                .setSourceEventId("e-" + offset)
                .setSourcePosition("bronze.events/0/" + offset)
                .setHashDiff("not read by gold")
                .setDeleted(deleted)
                .setProcessedAt(at)
                .setManifestId(
                        "SILVER/" + tenant + "/bronze.events/silver-conform:" + (1 + offset % 3))
                .build();
    }
}
