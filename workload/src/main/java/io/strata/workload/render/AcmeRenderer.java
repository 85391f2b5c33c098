package io.strata.workload.render;

import io.strata.model.QuarantineReason;
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
import io.strata.workload.util.JsonWriter;
import io.strata.workload.util.TimeFormats;
import java.util.Locale;

/**
 * Acme's web shop, schema "1.0": one root object per document ({@code order}, {@code invoice},
 * ...), the customer nested with an address, line items with a nested product, amounts as JSON
 * numbers, times as ISO-8601 with offset -05:00 and milliseconds. Guests have no id and an email
 * typed by hand (random case, stray blanks): their key is the trimmed, lower-cased email.
 */
public final class AcmeRenderer implements TenantRenderer {

    static final int OFFSET_MINUTES = -300;

    @Override
    public String tenantId() {
        return "acme";
    }

    @Override
    public String schemaVersion() {
        return "1.0";
    }

    @Override
    public void writePayload(JsonWriter w, TruthEvent e, QuarantineReason fault) {
        boolean nullCustomerKey = Faults.nullKey(fault) && (e.renderSeed() & 1) == 1;
        boolean nullKey = Faults.nullKey(fault) && !nullCustomerKey;
        boolean wrongType = Faults.wrongType(fault);
        String root =
                switch (e.type()) {
                    case SALES_ORDER -> "order";
                    case INVOICE -> "invoice";
                    case SHIPMENT -> "shipment";
                    case RETURN -> "return";
                    case SUPPORT_TICKET -> "ticket";
                };
        w.name(root).beginObject().name("id");
        Faults.key(w, e.document().key(), false, nullKey);
        if (e.op() != Op.DELETE) {
            switch (e.type()) {
                case SALES_ORDER -> order(w, e, wrongType);
                case INVOICE -> invoice(w, e, wrongType);
                case SHIPMENT -> shipment(w, e, wrongType);
                case RETURN -> productReturn(w, e, wrongType);
                case SUPPORT_TICKET -> ticket(w, e, wrongType);
            }
            w.name(customerRole(e));
            customer(w, e.customer(), e.renderSeed(), nullCustomerKey);
        }
        w.endObject();
    }

    private static String customerRole(TruthEvent e) {
        return switch (e.type()) {
            case INVOICE -> "bill_to";
            case SHIPMENT -> "ship_to";
            case SUPPORT_TICKET -> "requester";
            default -> "customer";
        };
    }

    private static void order(JsonWriter w, TruthEvent e, boolean wrongType) {
        OrderDoc o = e.doc();
        time(w.name("placed_at"), o.orderTime());
        w.name("status").string(o.status());
        w.name("channel").string(o.channel());
        w.name("currency").string(o.currency());
        w.name("total").decimalNumber(o.totalCents());
        w.name("items").beginArray();
        for (int i = 0; i < o.lines().size(); i++) {
            LineDoc line = o.lines().get(i);
            w.beginObject().name("line").rawNumber(line.lineKey());
            product(w.name("product"), e.products().get(i));
            if (wrongType && i == 0) {
                w.name("qty").string(Faults.NOT_A_NUMBER);
            } else {
                w.name("qty").number(line.quantity());
            }
            w.name("unit_price").decimalNumber(line.unitPriceCents());
            w.name("amount").decimalNumber(line.lineCents()).endObject();
        }
        w.endArray();
    }

    private static void invoice(JsonWriter w, TruthEvent e, boolean wrongType) {
        InvoiceDoc inv = e.doc();
        w.name("order_ref").string(inv.orderKey());
        time(w.name("issued_at"), inv.invoiceTime());
        time(w.name("due_at"), inv.dueTime());
        if (wrongType) {
            w.name("total").string(Faults.NOT_A_NUMBER);
        } else {
            w.name("total").decimalNumber(inv.amountCents());
        }
        w.name("currency").string(inv.currency());
        w.name("status").string(inv.status());
    }

    private static void shipment(JsonWriter w, TruthEvent e, boolean wrongType) {
        ShipmentDoc s = e.doc();
        w.name("order_ref").string(s.orderKey());
        if (wrongType) {
            w.name("shipped_at").string(Faults.NOT_A_TIME);
        } else {
            time(w.name("shipped_at"), s.shippedTime());
        }
        w.name("carrier").string(s.carrier());
        w.name("status").string(s.status());
    }

    private static void productReturn(JsonWriter w, TruthEvent e, boolean wrongType) {
        ReturnDoc r = e.doc();
        w.name("order_ref").string(r.orderKey());
        time(w.name("requested_at"), r.returnTime());
        if (wrongType) {
            w.name("qty").string(Faults.NOT_A_NUMBER);
        } else {
            w.name("qty").number(r.quantity());
        }
        w.name("refund").decimalNumber(r.refundCents());
        w.name("reason").string(r.reason());
        product(w.name("product"), e.products().get(0));
    }

    private static void ticket(JsonWriter w, TruthEvent e, boolean wrongType) {
        TicketDoc t = e.doc();
        if (wrongType) {
            w.name("opened_at").string(Faults.NOT_A_TIME);
        } else {
            time(w.name("opened_at"), t.openedTime());
        }
        time(w.name("closed_at"), t.closedTime());
        w.name("status").string(t.status());
        w.name("priority").string(t.priority());
        w.name("subject").string(t.subject());
    }

    private static void customer(JsonWriter w, CustomerVersion c, long seed, boolean nullKey) {
        w.beginObject();
        if (c.guest()) {
            w.name("guest").bool(true);
        } else {
            w.name("id");
            Faults.key(w, c.id(), false, nullKey);
        }
        w.name("name").string(c.name());
        w.name("email")
                .string(nullKey ? null : c.guest() ? typedByHand(c.email(), seed) : c.email());
        if (!c.guest()) {
            w.name("phone").string(c.phone());
            w.name("tier").string(c.segment());
        }
        w.name("address").beginObject();
        w.name("city").string(c.city()).name("country").string(c.country()).endObject();
        if (!c.guest()) {
            time(w.name("member_since"), c.createdAt());
        }
        w.endObject();
    }

    private static void product(JsonWriter w, ProductVersion p) {
        w.beginObject().name("sku").string(p.key()).name("title").string(p.name());
        w.name("category").string(p.category());
        w.name("list_price").decimalNumber(p.unitPriceCents()).endObject();
    }

    /** A guest's email as typed: the canonical value is its trimmed, lower-cased form. */
    static String typedByHand(String email, long seed) {
        return switch ((int) ((seed >>> 8) & 3)) {
            case 0 -> email;
            case 1 -> email.toUpperCase(Locale.ROOT);
            case 2 -> "  " + email + " ";
            default -> Character.toUpperCase(email.charAt(0)) + email.substring(1) + " ";
        };
    }

    private static void time(JsonWriter w, long epochMillis) {
        if (epochMillis == CustomerVersion.NONE) {
            w.nullValue();
            return;
        }
        StringBuilder sb = w.scratch();
        TimeFormats.isoOffset(sb, epochMillis, OFFSET_MINUTES);
        w.string(sb);
    }
}
