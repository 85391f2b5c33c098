package io.strata.workload.truth;

import java.util.List;

/**
 * The canonical business documents of the truth. Amounts are minor units (cents), times epoch
 * millis; {@link #NONE} marks an absent time. Keys are the tenant's own business keys.
 */
public final class Documents {

    /** An absent time. */
    public static final long NONE = Long.MIN_VALUE;

    private Documents() {}

    /** A business document carried by one event. */
    public sealed interface Document
            permits OrderDoc, InvoiceDoc, ShipmentDoc, ReturnDoc, TicketDoc {
        String key();
    }

    /** A sales order; its lines never change after creation. */
    public record OrderDoc(
            String key,
            String customerKey,
            long orderTime,
            String status,
            String channel,
            String currency,
            long totalCents,
            List<LineDoc> lines)
            implements Document {

        public OrderDoc withStatus(String newStatus) {
            return new OrderDoc(
                    key, customerKey, orderTime, newStatus, channel, currency, totalCents, lines);
        }
    }

    /** An order line: the price paid at order time, and which product (index into the pool). */
    public record LineDoc(
            String lineKey, int productIndex, long quantity, long unitPriceCents, long lineCents) {}

    public record InvoiceDoc(
            String key,
            String orderKey,
            String customerKey,
            long invoiceTime,
            long dueTime,
            long amountCents,
            String currency,
            String status)
            implements Document {

        public InvoiceDoc withStatus(String newStatus) {
            return new InvoiceDoc(
                    key,
                    orderKey,
                    customerKey,
                    invoiceTime,
                    dueTime,
                    amountCents,
                    currency,
                    newStatus);
        }
    }

    public record ShipmentDoc(
            String key,
            String orderKey,
            String customerKey,
            long shippedTime,
            String carrier,
            String status)
            implements Document {

        public ShipmentDoc withStatus(String newStatus) {
            return new ShipmentDoc(key, orderKey, customerKey, shippedTime, carrier, newStatus);
        }
    }

    public record ReturnDoc(
            String key,
            String orderKey,
            String customerKey,
            int productIndex,
            String productKey,
            long returnTime,
            long quantity,
            long refundCents,
            String reason)
            implements Document {}

    public record TicketDoc(
            String key,
            String customerKey,
            long openedTime,
            long closedTime,
            String status,
            String priority,
            String subject)
            implements Document {

        public TicketDoc closed(long at) {
            return new TicketDoc(key, customerKey, openedTime, at, "closed", priority, subject);
        }
    }
}
