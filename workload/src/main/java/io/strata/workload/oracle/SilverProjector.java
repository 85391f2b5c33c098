package io.strata.workload.oracle;

import io.strata.workload.oracle.SilverRows.CustomerRow;
import io.strata.workload.oracle.SilverRows.InvoiceRow;
import io.strata.workload.oracle.SilverRows.OrderLineRow;
import io.strata.workload.oracle.SilverRows.OrderRow;
import io.strata.workload.oracle.SilverRows.ProductRow;
import io.strata.workload.oracle.SilverRows.ReturnRow;
import io.strata.workload.oracle.SilverRows.ShipmentRow;
import io.strata.workload.oracle.SilverRows.TicketRow;
import io.strata.workload.truth.CustomerVersion;
import io.strata.workload.truth.Documents.InvoiceDoc;
import io.strata.workload.truth.Documents.LineDoc;
import io.strata.workload.truth.Documents.OrderDoc;
import io.strata.workload.truth.Documents.ReturnDoc;
import io.strata.workload.truth.Documents.ShipmentDoc;
import io.strata.workload.truth.Documents.TicketDoc;
import io.strata.workload.truth.Op;
import io.strata.workload.truth.ProductVersion;
import io.strata.workload.truth.TruthEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies Silver's rules to the events that reach it: master data (customers, products) is
 * extracted from every embedded copy and upserted by (tenant, key); documents are upserted by their
 * key; deleting an order removes it and its lines; all latest by event time, then position. Works
 * on the truth, not on the rendered strings: rendering is lossless, so an extractor driven by
 * correct tenant configuration must arrive at exactly these rows.
 */
public final class SilverProjector implements SilverSink {

    private record Held<T>(String tenant, T value) {}

    private record HeldLine(String tenant, String orderKey, LineDoc line, String productKey) {}

    private final LatestByEventTime<Held<CustomerVersion>> customers = new LatestByEventTime<>();
    private final LatestByEventTime<Held<ProductVersion>> products = new LatestByEventTime<>();
    private final LatestByEventTime<Held<OrderDoc>> orders = new LatestByEventTime<>();
    private final LatestByEventTime<HeldLine> lines = new LatestByEventTime<>();
    private final LatestByEventTime<Held<InvoiceDoc>> invoices = new LatestByEventTime<>();
    private final LatestByEventTime<Held<ShipmentDoc>> shipments = new LatestByEventTime<>();
    private final LatestByEventTime<Held<ReturnDoc>> returns = new LatestByEventTime<>();
    private final LatestByEventTime<Held<TicketDoc>> tickets = new LatestByEventTime<>();

    @Override
    public void accept(TruthEvent e, long position) {
        String tenant = e.tenant().id();
        long t = e.eventTime();
        String key = tenant + '\u0000' + e.document().key();
        if (e.customer() != null) {
            customers.upsert(
                    tenant + '\u0000' + e.customer().key(),
                    t,
                    position,
                    new Held<>(tenant, e.customer()));
        }
        for (ProductVersion p : e.products()) {
            products.upsert(tenant + '\u0000' + p.key(), t, position, new Held<>(tenant, p));
        }
        if (e.op() == Op.DELETE) {
            switch (e.type()) {
                case SALES_ORDER -> orders.delete(key, t, position);
                case SUPPORT_TICKET -> tickets.delete(key, t, position);
                default ->
                        throw new IllegalStateException("The generator never deletes " + e.type());
            }
            return;
        }
        switch (e.type()) {
            case SALES_ORDER -> order(e, tenant, key, position);
            case INVOICE -> invoices.upsert(key, t, position, new Held<>(tenant, e.doc()));
            case SHIPMENT -> shipments.upsert(key, t, position, new Held<>(tenant, e.doc()));
            case RETURN -> returns.upsert(key, t, position, new Held<>(tenant, e.doc()));
            case SUPPORT_TICKET -> tickets.upsert(key, t, position, new Held<>(tenant, e.doc()));
        }
    }

    private void order(TruthEvent e, String tenant, String key, long position) {
        OrderDoc o = e.doc();
        orders.upsert(key, e.eventTime(), position, new Held<>(tenant, o));
        for (int i = 0; i < o.lines().size(); i++) {
            LineDoc line = o.lines().get(i);
            lines.upsert(
                    key + '\u0000' + line.lineKey(),
                    e.eventTime(),
                    position,
                    new HeldLine(tenant, o.key(), line, e.products().get(i).key()));
        }
    }

    /** The final Silver content. */
    public SilverState state() {
        List<CustomerRow> c = new ArrayList<>();
        customers.forEachLive((k, h) -> c.add(customerRow(h.tenant, h.value)));
        List<ProductRow> p = new ArrayList<>();
        products.forEachLive((k, h) -> p.add(productRow(h.tenant, h.value)));
        List<OrderRow> o = new ArrayList<>();
        orders.forEachLive((k, h) -> o.add(orderRow(h.tenant, h.value)));
        List<OrderLineRow> l = new ArrayList<>();
        lines.forEachLive(
                (k, h) -> {
                    if (orders.isLive(h.tenant + '\u0000' + h.orderKey)) {
                        l.add(lineRow(h.tenant, h.orderKey, h.line, h.productKey));
                    }
                });
        List<InvoiceRow> i = new ArrayList<>();
        invoices.forEachLive((k, h) -> i.add(invoiceRow(h.tenant, h.value)));
        List<ShipmentRow> s = new ArrayList<>();
        shipments.forEachLive((k, h) -> s.add(shipmentRow(h.tenant, h.value)));
        List<ReturnRow> r = new ArrayList<>();
        returns.forEachLive((k, h) -> r.add(returnRow(h.tenant, h.value)));
        List<TicketRow> t = new ArrayList<>();
        tickets.forEachLive((k, h) -> t.add(ticketRow(h.tenant, h.value)));
        return new SilverState(c, p, o, l, i, s, r, t);
    }

    static CustomerRow customerRow(String tenant, CustomerVersion v) {
        return new CustomerRow(
                tenant,
                v.key(),
                v.name(),
                v.email(),
                v.phone(),
                v.segment(),
                v.city(),
                v.country(),
                SilverRows.instant(v.createdAt()));
    }

    static ProductRow productRow(String tenant, ProductVersion v) {
        return new ProductRow(
                tenant,
                v.key(),
                v.name(),
                v.category(),
                SilverRows.amount(v.unitPriceCents()),
                v.currency());
    }

    static OrderRow orderRow(String tenant, OrderDoc o) {
        return new OrderRow(
                tenant,
                o.key(),
                o.customerKey(),
                SilverRows.instant(o.orderTime()),
                o.status(),
                o.channel(),
                o.currency(),
                SilverRows.amount(o.totalCents()));
    }

    static OrderLineRow lineRow(String tenant, String orderKey, LineDoc line, String productKey) {
        return new OrderLineRow(
                tenant,
                orderKey,
                line.lineKey(),
                productKey,
                line.quantity(),
                SilverRows.amount(line.unitPriceCents()),
                SilverRows.amount(line.lineCents()));
    }

    static InvoiceRow invoiceRow(String tenant, InvoiceDoc d) {
        return new InvoiceRow(
                tenant,
                d.key(),
                d.customerKey(),
                d.orderKey(),
                SilverRows.instant(d.invoiceTime()),
                SilverRows.instant(d.dueTime()),
                SilverRows.amount(d.amountCents()),
                d.currency(),
                d.status());
    }

    static ShipmentRow shipmentRow(String tenant, ShipmentDoc d) {
        return new ShipmentRow(
                tenant,
                d.key(),
                d.orderKey(),
                d.customerKey(),
                SilverRows.instant(d.shippedTime()),
                d.carrier(),
                d.status());
    }

    static ReturnRow returnRow(String tenant, ReturnDoc d) {
        return new ReturnRow(
                tenant,
                d.key(),
                d.orderKey(),
                d.customerKey(),
                d.productKey(),
                SilverRows.instant(d.returnTime()),
                d.quantity(),
                SilverRows.amount(d.refundCents()),
                d.reason());
    }

    static TicketRow ticketRow(String tenant, TicketDoc d) {
        return new TicketRow(
                tenant,
                d.key(),
                d.customerKey(),
                SilverRows.instant(d.openedTime()),
                SilverRows.instant(d.closedTime()),
                d.status(),
                d.priority(),
                d.subject());
    }
}
