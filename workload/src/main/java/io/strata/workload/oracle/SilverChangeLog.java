package io.strata.workload.oracle;

import io.strata.workload.oracle.SilverRows.CustomerRow;
import io.strata.workload.oracle.SilverRows.InvoiceRow;
import io.strata.workload.oracle.SilverRows.OrderLineRow;
import io.strata.workload.oracle.SilverRows.OrderRow;
import io.strata.workload.oracle.SilverRows.ProductRow;
import io.strata.workload.oracle.SilverRows.ReturnRow;
import io.strata.workload.oracle.SilverRows.Row;
import io.strata.workload.oracle.SilverRows.ShipmentRow;
import io.strata.workload.oracle.SilverRows.TicketRow;
import io.strata.workload.truth.Documents.OrderDoc;
import io.strata.workload.truth.Op;
import io.strata.workload.truth.ProductVersion;
import io.strata.workload.truth.TruthEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The row versions silver-conform publishes on its topics, in the order it publishes them: what
 * gold-features reads. Each event that reaches Silver yields its rows as the extractor does
 * (customer, the document, products, order lines: referenced rows first) and {@link
 * SilverSequencer} decides which of them are published. Across entities the order is this
 * interleaving; per key it is the order every consumer sees.
 *
 * <p>The latest version of each key agrees with {@link SilverProjector}: {@link #liveRows()} equals
 * the Silver tables the oracle expects.
 */
public final class SilverChangeLog implements SilverSink {

    private final List<SilverVersion> versions = new ArrayList<>();
    private final SilverSequencer sequencer = new SilverSequencer(versions::add);

    @Override
    public void accept(TruthEvent e, long position) {
        String tenant = e.tenant().id();
        Instant t = Instant.ofEpochMilli(e.eventTime());
        if (e.customer() != null) {
            sequencer.root(
                    new SilverVersion(
                            SilverProjector.customerRow(tenant, e.customer()), t, position, false),
                    true);
        }
        String key = e.document().key();
        if (e.op() == Op.DELETE) {
            Row tombstone =
                    switch (e.type()) {
                        case SALES_ORDER ->
                                new OrderRow(
                                        tenant, key, null, Instant.EPOCH, null, null, null, null);
                        case SUPPORT_TICKET ->
                                new TicketRow(
                                        tenant, key, null, Instant.EPOCH, null, null, null, null);
                        default ->
                                throw new IllegalStateException(
                                        "The generator never deletes " + e.type());
                    };
            sequencer.root(new SilverVersion(tombstone, t, position, true), false);
            return;
        }
        switch (e.type()) {
            case SALES_ORDER -> order(e, tenant, t, position);
            case INVOICE -> document(SilverProjector.invoiceRow(tenant, e.doc()), t, position);
            case SHIPMENT -> document(SilverProjector.shipmentRow(tenant, e.doc()), t, position);
            case RETURN -> {
                products(e, tenant, t, position);
                document(SilverProjector.returnRow(tenant, e.doc()), t, position);
            }
            case SUPPORT_TICKET ->
                    document(SilverProjector.ticketRow(tenant, e.doc()), t, position);
        }
    }

    private void order(TruthEvent e, String tenant, Instant t, long position) {
        OrderDoc o = e.doc();
        document(SilverProjector.orderRow(tenant, o), t, position);
        products(e, tenant, t, position);
        for (int i = 0; i < o.lines().size(); i++) {
            OrderLineRow line =
                    SilverProjector.lineRow(
                            tenant, o.key(), o.lines().get(i), e.products().get(i).key());
            sequencer.line(new SilverVersion(line, t, position, false));
        }
    }

    private void products(TruthEvent e, String tenant, Instant t, long position) {
        for (ProductVersion p : e.products()) {
            sequencer.root(
                    new SilverVersion(SilverProjector.productRow(tenant, p), t, position, false),
                    true);
        }
    }

    private void document(Row row, Instant t, long position) {
        sequencer.root(new SilverVersion(row, t, position, false), false);
    }

    /** Every published version, in publishing order. */
    public List<SilverVersion> versions() {
        return Collections.unmodifiableList(versions);
    }

    /**
     * The rows Silver holds after the log: each key's newest version (a superseded one is published
     * after it), unless it is a delete.
     */
    public SilverState liveRows() {
        Map<String, SilverVersion> latest = new LinkedHashMap<>();
        for (SilverVersion v : versions) {
            latest.merge(
                    v.entity() + "\u0000" + v.tenant() + '\u0000' + v.key(),
                    v,
                    (known, next) -> next.isNewerThan(known) ? next : known);
        }
        List<CustomerRow> c = new ArrayList<>();
        List<ProductRow> p = new ArrayList<>();
        List<OrderRow> o = new ArrayList<>();
        List<OrderLineRow> l = new ArrayList<>();
        List<InvoiceRow> i = new ArrayList<>();
        List<ShipmentRow> s = new ArrayList<>();
        List<ReturnRow> r = new ArrayList<>();
        List<TicketRow> t = new ArrayList<>();
        for (SilverVersion v : latest.values()) {
            if (v.deleted()) {
                continue;
            }
            Row row = v.row();
            if (row instanceof CustomerRow x) {
                c.add(x);
            } else if (row instanceof ProductRow x) {
                p.add(x);
            } else if (row instanceof OrderRow x) {
                o.add(x);
            } else if (row instanceof OrderLineRow x) {
                l.add(x);
            } else if (row instanceof InvoiceRow x) {
                i.add(x);
            } else if (row instanceof ShipmentRow x) {
                s.add(x);
            } else if (row instanceof ReturnRow x) {
                r.add(x);
            } else if (row instanceof TicketRow x) {
                t.add(x);
            }
        }
        return new SilverState(c, p, o, l, i, s, r, t);
    }
}
