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
import io.strata.workload.util.TimeFormats;

/**
 * Initech's document system, schema "3.2": every record is a {@code document} with a {@code party}
 * (emails and phones in arrays) and {@code positions} numbered 10, 20, ...; amounts are strings
 * with two decimals; document dates use the pattern {@code dd.MM.yyyy HH:mm:ss} and other times
 * ISO-8601 without offset, both in local time of zone +09:00 (Asia/Tokyo, no DST).
 */
public final class InitechRenderer implements TenantRenderer {

    static final int OFFSET_MINUTES = 540;

    @Override
    public String tenantId() {
        return "initech";
    }

    @Override
    public String schemaVersion() {
        return "3.2";
    }

    @Override
    public void writePayload(JsonWriter w, TruthEvent e, QuarantineReason fault) {
        boolean wrongType = Faults.wrongType(fault);
        w.name("document").beginObject().name("type").string(documentType(e.type()));
        w.name("number");
        Faults.key(w, e.document().key(), false, Faults.nullKey(fault));
        if (e.op() == Op.DELETE) {
            w.endObject();
            return;
        }
        switch (e.type()) {
            case SALES_ORDER -> order(w, e, wrongType);
            case INVOICE -> invoice(w, e, wrongType);
            case SHIPMENT -> shipment(w, e, wrongType);
            case RETURN -> productReturn(w, e, wrongType);
            case SUPPORT_TICKET -> ticket(w, e, wrongType);
        }
    }

    static String documentType(RecordType type) {
        return switch (type) {
            case SALES_ORDER -> "SO";
            case INVOICE -> "INV";
            case SHIPMENT -> "DN";
            case RETURN -> "RMA";
            case SUPPORT_TICKET -> "CASE";
        };
    }

    private static void order(JsonWriter w, TruthEvent e, boolean wrongType) {
        OrderDoc o = e.doc();
        documentDate(w, o.orderTime(), false);
        w.name("state").string(o.status().equals("placed") ? "new" : "settled");
        w.name("sales_channel").string(o.channel());
        totals(w, o.currency(), o.totalCents(), false).endObject();
        party(w, e.customer());
        w.name("positions").beginArray();
        for (int i = 0; i < o.lines().size(); i++) {
            LineDoc line = o.lines().get(i);
            w.beginObject().name("pos").rawNumber(line.lineKey());
            article(w, e.products().get(i));
            if (wrongType && i == 0) {
                w.name("quantity").string(Faults.NOT_A_NUMBER);
            } else {
                w.name("quantity").number(line.quantity());
            }
            w.name("price").decimalString(line.unitPriceCents());
            w.name("net").decimalString(line.lineCents()).endObject();
        }
        w.endArray();
    }

    private static void invoice(JsonWriter w, TruthEvent e, boolean wrongType) {
        InvoiceDoc inv = e.doc();
        documentDate(w, inv.invoiceTime(), false);
        w.name("state").string(inv.status().equals("open") ? "open" : "settled");
        totals(w, inv.currency(), inv.amountCents(), wrongType);
        localTime(w.name("due"), inv.dueTime());
        reference(w, inv.orderKey()).endObject();
        party(w, e.customer());
    }

    private static void shipment(JsonWriter w, TruthEvent e, boolean wrongType) {
        ShipmentDoc s = e.doc();
        documentDate(w, s.shippedTime(), wrongType);
        w.name("state").string(s.status().equals("in_transit") ? "dispatched" : "delivered");
        w.name("carrier").string(s.carrier());
        reference(w, s.orderKey()).endObject();
        party(w, e.customer());
    }

    private static void productReturn(JsonWriter w, TruthEvent e, boolean wrongType) {
        ReturnDoc r = e.doc();
        documentDate(w, r.returnTime(), false);
        w.name("reason").string(r.reason());
        totals(w, e.tenant().currency(), r.refundCents(), false);
        reference(w, r.orderKey()).endObject();
        party(w, e.customer());
        w.name("positions").beginArray().beginObject().name("pos").rawNumber("10");
        article(w, e.products().get(0));
        if (wrongType) {
            w.name("quantity").string(Faults.NOT_A_NUMBER);
        } else {
            w.name("quantity").number(r.quantity());
        }
        w.endObject().endArray();
    }

    private static void ticket(JsonWriter w, TruthEvent e, boolean wrongType) {
        TicketDoc t = e.doc();
        documentDate(w, t.openedTime(), wrongType);
        w.name("state").string(t.status().equals("open") ? "open" : "resolved");
        w.name("priority").string(priority(t.priority()));
        w.name("subject").string(t.subject());
        localTime(w.name("closed"), t.closedTime());
        w.endObject();
        party(w, e.customer());
    }

    private static void documentDate(JsonWriter w, long time, boolean wrongType) {
        if (wrongType) {
            w.name("date").string(Faults.NOT_A_TIME);
            return;
        }
        StringBuilder sb = w.scratch();
        TimeFormats.dayMonthYear(sb, time, OFFSET_MINUTES);
        w.name("date").string(sb);
    }

    private static JsonWriter totals(JsonWriter w, String currency, long cents, boolean wrong) {
        w.name("totals").beginObject().name("currency").string(currency).name("gross");
        if (wrong) {
            w.string(Faults.NOT_A_NUMBER);
        } else {
            w.decimalString(cents);
        }
        return w.endObject();
    }

    private static JsonWriter reference(JsonWriter w, String orderKey) {
        return w.name("ref").beginObject().name("order").string(orderKey).endObject();
    }

    private static void party(JsonWriter w, CustomerVersion c) {
        w.name("party").beginObject().name("account_no").string(c.id());
        w.name("display_name").string(c.name());
        w.name("emails").beginArray().string(c.email()).endArray();
        w.name("phones").beginArray();
        if (c.phone() != null) {
            w.string(c.phone());
        }
        w.endArray().name("class").string(segmentClass(c.segment()));
        w.name("addr").beginObject().name("town").string(c.city());
        w.name("country_code").string(c.country()).endObject();
        localTime(w.name("customer_since"), c.createdAt());
        w.endObject();
    }

    private static void article(JsonWriter w, ProductVersion p) {
        w.name("article").beginObject().name("number").string(p.key());
        w.name("label").string(p.name()).name("group").string(p.category());
        w.name("list_price").decimalString(p.unitPriceCents()).endObject();
    }

    private static void localTime(JsonWriter w, long time) {
        if (time == Documents.NONE) {
            w.nullValue();
            return;
        }
        StringBuilder sb = w.scratch();
        TimeFormats.isoLocalSeconds(sb, time, OFFSET_MINUTES);
        w.string(sb);
    }

    /** gold/silver/bronze as A/B/C. */
    private static String segmentClass(String segment) {
        return switch (segment) {
            case "gold" -> "A";
            case "silver" -> "B";
            default -> "C";
        };
    }

    /** urgent/high/normal/low as P1..P4. */
    private static String priority(String priority) {
        return switch (priority) {
            case "urgent" -> "P1";
            case "high" -> "P2";
            case "normal" -> "P3";
            default -> "P4";
        };
    }
}
