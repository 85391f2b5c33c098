package io.strata.workload.oracle;

import io.strata.model.silver.Customer;
import io.strata.model.silver.EntityMeta;
import io.strata.model.silver.Invoice;
import io.strata.model.silver.Order;
import io.strata.model.silver.OrderLine;
import io.strata.model.silver.Product;
import io.strata.model.silver.ProductReturn;
import io.strata.model.silver.Shipment;
import io.strata.model.silver.SupportTicket;
import io.strata.workload.oracle.SilverRows.CustomerRow;
import io.strata.workload.oracle.SilverRows.InvoiceRow;
import io.strata.workload.oracle.SilverRows.OrderLineRow;
import io.strata.workload.oracle.SilverRows.OrderRow;
import io.strata.workload.oracle.SilverRows.ProductRow;
import io.strata.workload.oracle.SilverRows.ReturnRow;
import io.strata.workload.oracle.SilverRows.ShipmentRow;
import io.strata.workload.oracle.SilverRows.TicketRow;
import java.time.Instant;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * The oracle's Silver change log ({@link SilverChangeLog}) as the Avro rows silver-conform
 * publishes: what tests of the jobs downstream of Silver (gold-features, quality-async) write to
 * the Silver topics. Lineage columns the oracle does not model are fixed values ({@code oracle},
 * {@code p-<position>}); the source position orders versions as the oracle does.
 */
public final class SilverAvroRows {

    private SilverAvroRows() {}

    /** The Avro row of {@code v}, as silver-conform publishes it on the entity's topic. */
    public static SpecificRecordBase of(SilverVersion v) {
        EntityMeta meta = meta(v);
        if (v.row() instanceof CustomerRow c) {
            return new Customer(
                    meta,
                    c.customerKey(),
                    c.name(),
                    c.email(),
                    c.phone(),
                    c.segment(),
                    c.city(),
                    c.country(),
                    c.createdAt());
        }
        if (v.row() instanceof ProductRow p) {
            return new Product(
                    meta, p.productKey(), p.name(), p.category(), p.unitPrice(), p.currency());
        }
        if (v.row() instanceof OrderRow o) {
            return new Order(
                    meta,
                    o.orderKey(),
                    o.customerKey(),
                    o.orderTime(),
                    o.status(),
                    o.channel(),
                    o.currency(),
                    o.totalAmount());
        }
        if (v.row() instanceof OrderLineRow l) {
            return new OrderLine(
                    meta,
                    l.orderKey(),
                    l.lineKey(),
                    l.productKey(),
                    l.quantity(),
                    l.unitPrice(),
                    l.lineAmount());
        }
        if (v.row() instanceof InvoiceRow i) {
            return new Invoice(
                    meta,
                    i.invoiceKey(),
                    i.customerKey(),
                    i.orderKey(),
                    i.invoiceTime(),
                    i.dueDate(),
                    i.amount(),
                    i.currency(),
                    i.status());
        }
        if (v.row() instanceof ShipmentRow s) {
            return new Shipment(
                    meta,
                    s.shipmentKey(),
                    s.orderKey(),
                    s.customerKey(),
                    s.shippedTime(),
                    s.carrier(),
                    s.status());
        }
        if (v.row() instanceof TicketRow t) {
            return new SupportTicket(
                    meta,
                    t.ticketKey(),
                    t.customerKey(),
                    t.openedTime(),
                    t.closedTime(),
                    t.status(),
                    t.priority(),
                    t.subject());
        }
        ReturnRow r = (ReturnRow) v.row();
        return new ProductReturn(
                meta,
                r.returnKey(),
                r.orderKey(),
                r.customerKey(),
                r.productKey(),
                r.returnTime(),
                r.quantity(),
                r.refundAmount(),
                r.reason());
    }

    private static EntityMeta meta(SilverVersion v) {
        return EntityMeta.newBuilder()
                .setTenantId(v.tenant())
                .setApp("commerce")
                .setSchemaVersion("oracle")
                .setConfigVersion("oracle")
                .setEventTime(v.eventTime())
                .setSourceEventId("p-" + v.position())
                .setSourcePosition(v.sourcePosition())
                .setHashDiff("")
                .setDeleted(v.deleted())
                .setProcessedAt(Instant.EPOCH)
                .build();
    }
}
