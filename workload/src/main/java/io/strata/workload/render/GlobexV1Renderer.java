package io.strata.workload.render;

import io.strata.model.QuarantineReason;
import io.strata.workload.truth.CustomerVersion;
import io.strata.workload.truth.Documents;
import io.strata.workload.truth.Documents.InvoiceDoc;
import io.strata.workload.truth.Documents.LineDoc;
import io.strata.workload.truth.Documents.OrderDoc;
import io.strata.workload.truth.Documents.ReturnDoc;
import io.strata.workload.truth.Documents.ShipmentDoc;
import io.strata.workload.truth.Documents.TicketDoc;
import io.strata.workload.truth.Op;
import io.strata.workload.truth.ProductVersion;
import io.strata.workload.truth.TruthEvent;
import io.strata.workload.util.JsonWriter;

/**
 * Globex's ERP export, schema "1": a flat object per document with the customer spread over {@code
 * cust_*} fields, times in epoch milliseconds, amounts in minor units, order numbers as 64-bit JSON
 * numbers beyond 2^53, upper-case codes.
 */
public final class GlobexV1Renderer implements TenantRenderer {

    @Override
    public String tenantId() {
        return "globex";
    }

    @Override
    public String schemaVersion() {
        return "1";
    }

    @Override
    public void writePayload(JsonWriter w, TruthEvent e, QuarantineReason fault) {
        boolean nullKey = Faults.nullKey(fault);
        boolean wrongType = Faults.wrongType(fault);
        String keyName = GlobexV2Renderer.keyName(e.type());
        w.name(keyName);
        Faults.key(w, e.document().key(), keyName.equals("orderNo"), nullKey);
        if (e.op() == Op.DELETE) {
            return;
        }
        switch (e.type()) {
            case SALES_ORDER -> order(w, e, wrongType);
            case INVOICE -> invoice(w, e, wrongType);
            case SHIPMENT -> shipment(w, e, wrongType);
            case RETURN -> productReturn(w, e, wrongType);
            case SUPPORT_TICKET -> ticket(w, e, wrongType);
        }
        customer(w, e.customer());
    }

    private static void order(JsonWriter w, TruthEvent e, boolean wrongType) {
        OrderDoc o = e.doc();
        w.name("created_ms").number(o.orderTime());
        w.name("state").string(GlobexCodes.upper(o.status()));
        w.name("src").string(GlobexCodes.upper(o.channel()));
        w.name("curr").string(o.currency());
        w.name("total_cents").number(o.totalCents());
        w.name("lines").beginArray();
        for (int i = 0; i < o.lines().size(); i++) {
            LineDoc line = o.lines().get(i);
            w.beginObject().name("no").rawNumber(line.lineKey());
            product(w, e.products().get(i));
            w.name("unit_cents").number(line.unitPriceCents());
            if (wrongType && i == 0) {
                w.name("qty").string(Faults.NOT_A_NUMBER);
            } else {
                w.name("qty").number(line.quantity());
            }
            w.name("line_cents").number(line.lineCents()).endObject();
        }
        w.endArray();
    }

    private static void invoice(JsonWriter w, TruthEvent e, boolean wrongType) {
        InvoiceDoc inv = e.doc();
        w.name("orderNo").rawNumber(inv.orderKey());
        w.name("issued_ms").number(inv.invoiceTime());
        w.name("due_ms").number(inv.dueTime());
        if (wrongType) {
            w.name("amount_cents").string(Faults.NOT_A_NUMBER);
        } else {
            w.name("amount_cents").number(inv.amountCents());
        }
        w.name("curr").string(inv.currency());
        w.name("state").string(GlobexCodes.upper(inv.status()));
    }

    private static void shipment(JsonWriter w, TruthEvent e, boolean wrongType) {
        ShipmentDoc s = e.doc();
        w.name("orderNo").rawNumber(s.orderKey());
        if (wrongType) {
            w.name("shipped_ms").string(Faults.NOT_A_TIME);
        } else {
            w.name("shipped_ms").number(s.shippedTime());
        }
        w.name("carrier").string(GlobexCodes.upper(s.carrier()));
        w.name("state").string(GlobexCodes.upper(s.status()));
    }

    private static void productReturn(JsonWriter w, TruthEvent e, boolean wrongType) {
        ReturnDoc r = e.doc();
        w.name("orderNo").rawNumber(r.orderKey());
        w.name("returned_ms").number(r.returnTime());
        if (wrongType) {
            w.name("qty").string(Faults.NOT_A_NUMBER);
        } else {
            w.name("qty").number(r.quantity());
        }
        w.name("refund_cents").number(r.refundCents());
        w.name("reason_code").string(GlobexCodes.upper(r.reason()));
        product(w, e.products().get(0));
    }

    private static void ticket(JsonWriter w, TruthEvent e, boolean wrongType) {
        TicketDoc t = e.doc();
        if (wrongType) {
            w.name("opened_ms").string(Faults.NOT_A_TIME);
        } else {
            w.name("opened_ms").number(t.openedTime());
        }
        w.name("closed_ms");
        if (t.closedTime() == Documents.NONE) {
            w.nullValue();
        } else {
            w.number(t.closedTime());
        }
        w.name("state").string(GlobexCodes.upper(t.status()));
        w.name("prio").number(GlobexCodes.priority(t.priority()));
        w.name("title").string(t.subject());
    }

    private static void product(JsonWriter w, ProductVersion p) {
        w.name("sku")
                .string(p.key())
                .name("desc")
                .string(p.name())
                .name("cat")
                .string(p.category());
        w.name("list_cents").number(p.unitPriceCents());
    }

    private static void customer(JsonWriter w, CustomerVersion c) {
        w.name("cust_id").rawNumber(c.id());
        w.name("cust_name").string(c.name());
        w.name("cust_mail").string(c.email());
        w.name("cust_phone").string(c.phone());
        w.name("cust_seg").string(GlobexCodes.segment(c.segment()));
        w.name("cust_city").string(c.city());
        w.name("cust_cc").string(c.country());
        w.name("cust_since_ms").number(c.createdAt());
    }
}
