package io.strata.tools.analysts;

import io.strata.model.silver.Customer;
import io.strata.model.silver.EntityMeta;
import io.strata.model.silver.Order;
import java.math.BigDecimal;
import java.time.Instant;

/** Silver rows for the tests: the lineage columns filled in, the business columns named. */
final class SilverRows {

    private static int position;

    private SilverRows() {}

    /** The {@code meta} of a row version of {@code tenant} that happened at {@code eventTime}. */
    static EntityMeta meta(String tenant, Instant eventTime, boolean deleted) {
        position++;
        return EntityMeta.newBuilder()
                .setTenantId(tenant)
                .setApp("commerce")
                .setSchemaVersion("1.0")
                .setConfigVersion("0123456789abcdef")
                .setEventTime(eventTime)
                .setSourceEventId("evt-" + position)
                .setSourcePosition(sourcePosition(position))
                .setHashDiff(deleted ? "deleted" : "hash-" + position)
                .setDeleted(deleted)
                .setProcessedAt(eventTime.plusSeconds(5))
                .build();
    }

    /**
     * Where a version's Bronze event came from: its raw record's {@code topic/partition/offset}.
     */
    static String sourcePosition(int offset) {
        return "raw.webhooks/" + (offset % 2) + "/" + offset;
    }

    static Customer customer(String tenant, String key, String segment) {
        return Customer.newBuilder()
                .setMeta(meta(tenant, Instant.parse("2024-01-01T00:00:00Z"), false))
                .setCustomerKey(key)
                .setName("Customer " + key)
                .setSegment(segment)
                .build();
    }

    static Order order(
            String tenant, String key, String customer, Instant orderTime, String total) {
        return Order.newBuilder()
                .setMeta(meta(tenant, orderTime, false))
                .setOrderKey(key)
                .setCustomerKey(customer)
                .setOrderTime(orderTime)
                .setStatus("open")
                .setCurrency("EUR")
                .setTotalAmount(total == null ? null : new BigDecimal(total))
                .build();
    }
}
