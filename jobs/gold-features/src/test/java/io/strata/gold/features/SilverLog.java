package io.strata.gold.features;

import io.strata.model.silver.EntityMeta;
import io.strata.model.silver.Order;
import io.strata.model.silver.ProductReturn;
import io.strata.model.silver.SupportTicket;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Hand-written Silver rows of one tenant, in the order they are written: each gets the next offset
 * of one Bronze partition as its source position and a source event id from it.
 */
final class SilverLog {

    /** The tenant unless one is given. */
    static final String TENANT = "acme";

    static final Instant T0 = Instant.parse("2024-03-01T00:00:00Z");
    static final String BRONZE_TOPIC = "bronze.events";

    private final String tenant;
    private final List<SpecificRecordBase> rows = new ArrayList<>();
    private long offset = 100;

    SilverLog() {
        this(TENANT);
    }

    SilverLog(String tenant) {
        this.tenant = tenant;
    }

    /** {@code T0} plus days and hours. */
    static Instant at(int days, int hours) {
        return T0.plus(Duration.ofDays(days)).plus(Duration.ofHours(hours));
    }

    static Instant day(int days) {
        return at(days, 0);
    }

    List<SpecificRecordBase> rows() {
        return List.copyOf(rows);
    }

    Order order(String key, String customer, Instant eventTime, Instant orderTime, String total) {
        return add(
                Order.newBuilder()
                        .setMeta(meta(eventTime, false))
                        .setOrderKey(key)
                        .setCustomerKey(customer)
                        .setOrderTime(orderTime)
                        .setStatus("placed")
                        .setCurrency("EUR")
                        .setTotalAmount(total == null ? null : new BigDecimal(total))
                        .build());
    }

    /** An order placed at its event time. */
    Order order(String key, String customer, Instant time, String total) {
        return order(key, customer, time, time, total);
    }

    /** An order delete as silver-conform writes it: the key, zeros, no customer. */
    Order orderDelete(String key, Instant eventTime) {
        return add(
                Order.newBuilder()
                        .setMeta(meta(eventTime, true))
                        .setOrderKey(key)
                        .setOrderTime(Instant.EPOCH)
                        .build());
    }

    SupportTicket ticket(String key, String customer, Instant eventTime, String status) {
        return add(
                SupportTicket.newBuilder()
                        .setMeta(meta(eventTime, false))
                        .setTicketKey(key)
                        .setCustomerKey(customer)
                        .setOpenedTime(eventTime)
                        .setStatus(status)
                        .setSubject("help")
                        .build());
    }

    SupportTicket ticketDelete(String key, Instant eventTime) {
        return add(
                SupportTicket.newBuilder()
                        .setMeta(meta(eventTime, true))
                        .setTicketKey(key)
                        .setOpenedTime(Instant.EPOCH)
                        .build());
    }

    ProductReturn productReturn(
            String key, String customer, Instant eventTime, Instant returnTime) {
        return add(
                ProductReturn.newBuilder()
                        .setMeta(meta(eventTime, false))
                        .setReturnKey(key)
                        .setOrderKey("o-any")
                        .setCustomerKey(customer)
                        .setProductKey("p-1")
                        .setReturnTime(returnTime)
                        .setQuantity(1L)
                        .build());
    }

    ProductReturn returnDelete(String key, Instant eventTime) {
        return add(
                ProductReturn.newBuilder()
                        .setMeta(meta(eventTime, true))
                        .setReturnKey(key)
                        .setReturnTime(Instant.EPOCH)
                        .build());
    }

    private <T extends SpecificRecordBase> T add(T row) {
        rows.add(row);
        return row;
    }

    private EntityMeta meta(Instant eventTime, boolean deleted) {
        long o = offset++;
        return EntityMeta.newBuilder()
                .setTenantId(tenant)
                .setApp("shop")
                .setSchemaVersion("2")
                .setConfigVersion("cfg-1")
                .setEventTime(eventTime)
                .setSourceEventId("ev-" + o)
                .setSourcePosition(BRONZE_TOPIC + "/0/" + o)
                .setHashDiff("h" + o)
                .setDeleted(deleted)
                .setProcessedAt(Instant.EPOCH)
                .build();
    }
}
