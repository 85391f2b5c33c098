package io.strata.workload.oracle;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The expected final content of each canonical Silver entity: the fields of the Avro classes in
 * {@code io.strata.model.silver} without the lineage columns ({@code meta}). Amounts have scale 2,
 * times are instants; null where the Avro field is null.
 */
public final class SilverRows {

    private SilverRows() {}

    /** A row of any entity: what Silver's sequencing and Kafka key need to know about it. */
    public sealed interface Row
            permits CustomerRow,
                    ProductRow,
                    OrderRow,
                    OrderLineRow,
                    InvoiceRow,
                    ShipmentRow,
                    ReturnRow,
                    TicketRow {

        SilverEntity entity();

        String tenantId();

        /** The business key; a composite key's parts joined by {@code |} (as in Kafka keys). */
        String key();
    }

    public record CustomerRow(
            String tenantId,
            String customerKey,
            String name,
            String email,
            String phone,
            String segment,
            String city,
            String country,
            Instant createdAt)
            implements Row {

        @Override
        public SilverEntity entity() {
            return SilverEntity.CUSTOMER;
        }

        @Override
        public String key() {
            return customerKey;
        }
    }

    public record ProductRow(
            String tenantId,
            String productKey,
            String name,
            String category,
            BigDecimal unitPrice,
            String currency)
            implements Row {

        @Override
        public SilverEntity entity() {
            return SilverEntity.PRODUCT;
        }

        @Override
        public String key() {
            return productKey;
        }
    }

    public record OrderRow(
            String tenantId,
            String orderKey,
            String customerKey,
            Instant orderTime,
            String status,
            String channel,
            String currency,
            BigDecimal totalAmount)
            implements Row {

        @Override
        public SilverEntity entity() {
            return SilverEntity.ORDER;
        }

        @Override
        public String key() {
            return orderKey;
        }
    }

    public record OrderLineRow(
            String tenantId,
            String orderKey,
            String lineKey,
            String productKey,
            Long quantity,
            BigDecimal unitPrice,
            BigDecimal lineAmount)
            implements Row {

        @Override
        public SilverEntity entity() {
            return SilverEntity.ORDER_LINE;
        }

        @Override
        public String key() {
            return orderKey + '|' + lineKey;
        }
    }

    public record InvoiceRow(
            String tenantId,
            String invoiceKey,
            String customerKey,
            String orderKey,
            Instant invoiceTime,
            Instant dueDate,
            BigDecimal amount,
            String currency,
            String status)
            implements Row {

        @Override
        public SilverEntity entity() {
            return SilverEntity.INVOICE;
        }

        @Override
        public String key() {
            return invoiceKey;
        }
    }

    public record ShipmentRow(
            String tenantId,
            String shipmentKey,
            String orderKey,
            String customerKey,
            Instant shippedTime,
            String carrier,
            String status)
            implements Row {

        @Override
        public SilverEntity entity() {
            return SilverEntity.SHIPMENT;
        }

        @Override
        public String key() {
            return shipmentKey;
        }
    }

    public record ReturnRow(
            String tenantId,
            String returnKey,
            String orderKey,
            String customerKey,
            String productKey,
            Instant returnTime,
            Long quantity,
            BigDecimal refundAmount,
            String reason)
            implements Row {

        @Override
        public SilverEntity entity() {
            return SilverEntity.PRODUCT_RETURN;
        }

        @Override
        public String key() {
            return returnKey;
        }
    }

    public record TicketRow(
            String tenantId,
            String ticketKey,
            String customerKey,
            Instant openedTime,
            Instant closedTime,
            String status,
            String priority,
            String subject)
            implements Row {

        @Override
        public SilverEntity entity() {
            return SilverEntity.SUPPORT_TICKET;
        }

        @Override
        public String key() {
            return ticketKey;
        }
    }

    /** Minor units as an amount with scale 2. */
    static BigDecimal amount(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    /** Epoch millis as an instant; {@code Long.MIN_VALUE} (absent) as null. */
    static Instant instant(long epochMillis) {
        return epochMillis == Long.MIN_VALUE ? null : Instant.ofEpochMilli(epochMillis);
    }
}
