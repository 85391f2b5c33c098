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
import io.strata.workload.truth.RecordType;
import io.strata.workload.truth.TruthEvent;
import io.strata.workload.util.JsonWriter;

/**
 * Globex's ERP export, schema "2" (adopted mid-run): the customer moved into a nested {@code buyer}
 * with {@code contact} and {@code location}, amounts moved under {@code amounts}, products under
 * {@code item}, and times became epoch seconds ({@code created_ms -> created}).
 */
public final class GlobexV2Renderer implements TenantRenderer {

    @Override
    public String tenantId() {
        return "globex";
    }

    @Override
    public String schemaVersion() {
        return "2";
    }

    /** The document key's field, the same in both Globex versions. */
    static String keyName(RecordType type) {
        return switch (type) {
            case SALES_ORDER -> "orderNo";
            case INVOICE -> "invoiceNo";
            case SHIPMENT -> "shipmentNo";
            case RETURN -> "returnNo";
            case SUPPORT_TICKET -> "caseNo";
        };
    }

    @Override
    public void writePayload(JsonWriter w, TruthEvent e, QuarantineReason fault) {
        boolean wrongType = Faults.wrongType(fault);
        String keyName = keyName(e.type());
        w.name(keyName);
        Faults.key(w, e.document().key(), keyName.equals("orderNo"), Faults.nullKey(fault));
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
        buyer(w.name("buyer"), e.customer());
    }

    private static void order(JsonWriter w, TruthEvent e, boolean wrongType) {
        OrderDoc o = e.doc();
        w.name("created").number(o.orderTime() / 1000);
        w.name("state").string(GlobexCodes.upper(o.status()));
        w.name("channel").string(GlobexCodes.upper(o.channel()));
        w.name("amounts").beginObject().name("currency").string(o.currency());
        w.name("total_minor").number(o.totalCents()).endObject();
        w.name("lines").beginArray();
        for (int i = 0; i < o.lines().size(); i++) {
            LineDoc line = o.lines().get(i);
            w.beginObject().name("no").rawNumber(line.lineKey());
            item(w.name("item"), e.products().get(i));
            if (wrongType && i == 0) {
                w.name("qty").string(Faults.NOT_A_NUMBER);
            } else {
                w.name("qty").number(line.quantity());
            }
            w.name("unit_minor").number(line.unitPriceCents());
            w.name("line_minor").number(line.lineCents()).endObject();
        }
        w.endArray();
    }

    private static void invoice(JsonWriter w, TruthEvent e, boolean wrongType) {
        InvoiceDoc inv = e.doc();
        w.name("orderNo").rawNumber(inv.orderKey());
        w.name("issued").number(inv.invoiceTime() / 1000);
        w.name("due").number(inv.dueTime() / 1000);
        w.name("amounts").beginObject().name("currency").string(inv.currency());
        if (wrongType) {
            w.name("total_minor").string(Faults.NOT_A_NUMBER);
        } else {
            w.name("total_minor").number(inv.amountCents());
        }
        w.endObject();
        w.name("state").string(GlobexCodes.upper(inv.status()));
    }

    private static void shipment(JsonWriter w, TruthEvent e, boolean wrongType) {
        ShipmentDoc s = e.doc();
        w.name("orderNo").rawNumber(s.orderKey());
        if (wrongType) {
            w.name("shipped").string(Faults.NOT_A_TIME);
        } else {
            w.name("shipped").number(s.shippedTime() / 1000);
        }
        w.name("carrier").string(GlobexCodes.upper(s.carrier()));
        w.name("state").string(GlobexCodes.upper(s.status()));
    }

    private static void productReturn(JsonWriter w, TruthEvent e, boolean wrongType) {
        ReturnDoc r = e.doc();
        w.name("orderNo").rawNumber(r.orderKey());
        w.name("returned").number(r.returnTime() / 1000);
        if (wrongType) {
            w.name("qty").string(Faults.NOT_A_NUMBER);
        } else {
            w.name("qty").number(r.quantity());
        }
        w.name("amounts").beginObject().name("currency").string(e.tenant().currency());
        w.name("refund_minor").number(r.refundCents()).endObject();
        w.name("reason_code").string(GlobexCodes.upper(r.reason()));
        item(w.name("item"), e.products().get(0));
    }

    private static void ticket(JsonWriter w, TruthEvent e, boolean wrongType) {
        TicketDoc t = e.doc();
        if (wrongType) {
            w.name("opened").string(Faults.NOT_A_TIME);
        } else {
            w.name("opened").number(t.openedTime() / 1000);
        }
        w.name("closed");
        if (t.closedTime() == Documents.NONE) {
            w.nullValue();
        } else {
            w.number(t.closedTime() / 1000);
        }
        w.name("state").string(GlobexCodes.upper(t.status()));
        w.name("prio").number(GlobexCodes.priority(t.priority()));
        w.name("title").string(t.subject());
    }

    private static void item(JsonWriter w, ProductVersion p) {
        w.beginObject().name("sku").string(p.key()).name("desc").string(p.name());
        w.name("cat").string(p.category()).name("list_minor").number(p.unitPriceCents());
        w.endObject();
    }

    private static void buyer(JsonWriter w, CustomerVersion c) {
        w.beginObject().name("id").rawNumber(c.id()).name("name").string(c.name());
        w.name("contact").beginObject().name("email").string(c.email());
        w.name("phone").string(c.phone()).endObject();
        w.name("segment").string(GlobexCodes.segment(c.segment()));
        w.name("location").beginObject().name("city").string(c.city());
        w.name("country").string(c.country()).endObject();
        w.name("since").number(c.createdAt() / 1000).endObject();
    }
}
