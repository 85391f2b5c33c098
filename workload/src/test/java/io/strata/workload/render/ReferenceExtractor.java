package io.strata.workload.render;

import com.fasterxml.jackson.databind.JsonNode;
import io.strata.workload.oracle.SilverRows.CustomerRow;
import io.strata.workload.oracle.SilverRows.InvoiceRow;
import io.strata.workload.oracle.SilverRows.OrderLineRow;
import io.strata.workload.oracle.SilverRows.OrderRow;
import io.strata.workload.oracle.SilverRows.ProductRow;
import io.strata.workload.oracle.SilverRows.ReturnRow;
import io.strata.workload.oracle.SilverRows.ShipmentRow;
import io.strata.workload.oracle.SilverRows.TicketRow;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A hand-written extractor of the canonical entities from one tenant-shaped payload, standing in
 * for the configuration-driven Silver extractor. It sees only the bytes, never the truth: if it
 * recovers the oracle's rows, rendering is lossless. One file for the four shapes so they read side
 * by side, like the renderers they mirror.
 */
final class ReferenceExtractor {

    /** What one payload yields. {@code key} is the document's key (for deletes). */
    record Extracted(
            String key,
            List<CustomerRow> customers,
            List<ProductRow> products,
            List<OrderRow> orders,
            List<OrderLineRow> lines,
            List<InvoiceRow> invoices,
            List<ShipmentRow> shipments,
            List<ReturnRow> returns,
            List<TicketRow> tickets) {

        Extracted(String key) {
            this(
                    key,
                    new ArrayList<>(),
                    new ArrayList<>(),
                    new ArrayList<>(),
                    new ArrayList<>(),
                    new ArrayList<>(),
                    new ArrayList<>(),
                    new ArrayList<>(),
                    new ArrayList<>());
        }
    }

    private static final ZoneOffset ACME = ZoneOffset.ofHours(-5);
    private static final ZoneOffset INITECH = ZoneOffset.ofHours(9);
    private static final DateTimeFormatter INITECH_DATE =
            DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss");

    private ReferenceExtractor() {}

    static Extracted extract(
            String tenant, String version, String type, boolean delete, JsonNode p) {
        return switch (tenant + "/" + version) {
            case "acme/1.0" -> acme(type, delete, p);
            case "globex/1" -> globex(type, delete, p, false);
            case "globex/2" -> globex(type, delete, p, true);
            case "initech/3.2" -> initech(type, delete, p);
            default -> throw new IllegalArgumentException(tenant + "/" + version);
        };
    }

    // --- acme ---------------------------------------------------------------------------------

    private static Extracted acme(String type, boolean delete, JsonNode payload) {
        String root =
                switch (type) {
                    case "sales_order" -> "order";
                    case "support_ticket" -> "ticket";
                    default -> type;
                };
        JsonNode d = payload.get(root);
        Extracted x = new Extracted(d.get("id").asText());
        if (delete) {
            return x;
        }
        String t = "acme";
        JsonNode c =
                d.get(
                        switch (type) {
                            case "invoice" -> "bill_to";
                            case "shipment" -> "ship_to";
                            case "support_ticket" -> "requester";
                            default -> "customer";
                        });
        String email = c.get("email").asText().trim().toLowerCase(Locale.ROOT);
        String customerKey = c.hasNonNull("id") ? c.get("id").asText() : email;
        x.customers.add(
                new CustomerRow(
                        t,
                        customerKey,
                        text(c, "name"),
                        email,
                        text(c, "phone"),
                        text(c, "tier"),
                        c.at("/address/city").asText(),
                        c.at("/address/country").asText(),
                        acmeTime(c.get("member_since"))));
        switch (type) {
            case "sales_order" -> {
                x.orders.add(
                        new OrderRow(
                                t,
                                x.key(),
                                customerKey,
                                acmeTime(d.get("placed_at")),
                                text(d, "status"),
                                text(d, "channel"),
                                text(d, "currency"),
                                decimal(d.get("total"))));
                for (JsonNode i : d.get("items")) {
                    JsonNode pr = i.get("product");
                    x.products.add(
                            new ProductRow(
                                    t,
                                    pr.get("sku").asText(),
                                    text(pr, "title"),
                                    text(pr, "category"),
                                    decimal(pr.get("list_price")),
                                    text(d, "currency")));
                    x.lines.add(
                            new OrderLineRow(
                                    t,
                                    x.key(),
                                    i.get("line").asText(),
                                    pr.get("sku").asText(),
                                    i.get("qty").asLong(),
                                    decimal(i.get("unit_price")),
                                    decimal(i.get("amount"))));
                }
            }
            case "invoice" ->
                    x.invoices.add(
                            new InvoiceRow(
                                    t,
                                    x.key(),
                                    customerKey,
                                    text(d, "order_ref"),
                                    acmeTime(d.get("issued_at")),
                                    acmeTime(d.get("due_at")),
                                    decimal(d.get("total")),
                                    text(d, "currency"),
                                    text(d, "status")));
            case "shipment" ->
                    x.shipments.add(
                            new ShipmentRow(
                                    t,
                                    x.key(),
                                    text(d, "order_ref"),
                                    customerKey,
                                    acmeTime(d.get("shipped_at")),
                                    text(d, "carrier"),
                                    text(d, "status")));
            case "return" -> {
                JsonNode pr = d.get("product");
                x.products.add(
                        new ProductRow(
                                t,
                                pr.get("sku").asText(),
                                text(pr, "title"),
                                text(pr, "category"),
                                decimal(pr.get("list_price")),
                                "USD"));
                x.returns.add(
                        new ReturnRow(
                                t,
                                x.key(),
                                text(d, "order_ref"),
                                customerKey,
                                pr.get("sku").asText(),
                                acmeTime(d.get("requested_at")),
                                d.get("qty").asLong(),
                                decimal(d.get("refund")),
                                text(d, "reason")));
            }
            default ->
                    x.tickets.add(
                            new TicketRow(
                                    t,
                                    x.key(),
                                    customerKey,
                                    acmeTime(d.get("opened_at")),
                                    acmeTime(d.get("closed_at")),
                                    text(d, "status"),
                                    text(d, "priority"),
                                    text(d, "subject")));
        }
        return x;
    }

    private static Instant acmeTime(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        OffsetDateTime t = OffsetDateTime.parse(n.asText());
        if (!t.getOffset().equals(ACME)) {
            throw new IllegalStateException("acme renders -05:00, got " + n);
        }
        return t.toInstant();
    }

    // --- globex -------------------------------------------------------------------------------

    private static Extracted globex(String type, boolean delete, JsonNode p, boolean v2) {
        String keyName =
                switch (type) {
                    case "sales_order" -> "orderNo";
                    case "invoice" -> "invoiceNo";
                    case "shipment" -> "shipmentNo";
                    case "return" -> "returnNo";
                    default -> "caseNo";
                };
        Extracted x =
                new Extracted(
                        p.get(keyName).isIntegralNumber()
                                ? p.get(keyName).bigIntegerValue().toString()
                                : p.get(keyName).asText());
        if (delete) {
            return x;
        }
        String t = "globex";
        CustomerRow c = v2 ? buyer(p.get("buyer")) : flatCustomer(p);
        x.customers.add(c);
        String orderRef = p.has("orderNo") ? p.get("orderNo").bigIntegerValue().toString() : null;
        switch (type) {
            case "sales_order" -> {
                String currency = v2 ? p.at("/amounts/currency").asText() : p.get("curr").asText();
                x.orders.add(
                        new OrderRow(
                                t,
                                x.key(),
                                c.customerKey(),
                                globexTime(p, v2 ? "created" : "created_ms", v2),
                                lower(p.get("state")),
                                lower(p.get(v2 ? "channel" : "src")),
                                currency,
                                minor(v2 ? p.at("/amounts/total_minor") : p.get("total_cents"))));
                for (JsonNode l : p.get("lines")) {
                    JsonNode item = v2 ? l.get("item") : l;
                    x.products.add(
                            new ProductRow(
                                    t,
                                    item.get("sku").asText(),
                                    text(item, "desc"),
                                    text(item, "cat"),
                                    minor(item.get(v2 ? "list_minor" : "list_cents")),
                                    currency));
                    x.lines.add(
                            new OrderLineRow(
                                    t,
                                    x.key(),
                                    l.get("no").asText(),
                                    item.get("sku").asText(),
                                    l.get("qty").asLong(),
                                    minor(l.get(v2 ? "unit_minor" : "unit_cents")),
                                    minor(l.get(v2 ? "line_minor" : "line_cents"))));
                }
            }
            case "invoice" ->
                    x.invoices.add(
                            new InvoiceRow(
                                    t,
                                    x.key(),
                                    c.customerKey(),
                                    orderRef,
                                    globexTime(p, v2 ? "issued" : "issued_ms", v2),
                                    globexTime(p, v2 ? "due" : "due_ms", v2),
                                    minor(
                                            v2
                                                    ? p.at("/amounts/total_minor")
                                                    : p.get("amount_cents")),
                                    v2
                                            ? p.at("/amounts/currency").asText()
                                            : p.get("curr").asText(),
                                    lower(p.get("state"))));
            case "shipment" ->
                    x.shipments.add(
                            new ShipmentRow(
                                    t,
                                    x.key(),
                                    orderRef,
                                    c.customerKey(),
                                    globexTime(p, v2 ? "shipped" : "shipped_ms", v2),
                                    lower(p.get("carrier")),
                                    lower(p.get("state"))));
            case "return" -> {
                JsonNode item = v2 ? p.get("item") : p;
                x.products.add(
                        new ProductRow(
                                t,
                                item.get("sku").asText(),
                                text(item, "desc"),
                                text(item, "cat"),
                                minor(item.get(v2 ? "list_minor" : "list_cents")),
                                "EUR"));
                x.returns.add(
                        new ReturnRow(
                                t,
                                x.key(),
                                orderRef,
                                c.customerKey(),
                                item.get("sku").asText(),
                                globexTime(p, v2 ? "returned" : "returned_ms", v2),
                                p.get("qty").asLong(),
                                minor(v2 ? p.at("/amounts/refund_minor") : p.get("refund_cents")),
                                lower(p.get("reason_code"))));
            }
            default ->
                    x.tickets.add(
                            new TicketRow(
                                    t,
                                    x.key(),
                                    c.customerKey(),
                                    globexTime(p, v2 ? "opened" : "opened_ms", v2),
                                    globexTime(p, v2 ? "closed" : "closed_ms", v2),
                                    lower(p.get("state")),
                                    priority(p.get("prio").asInt()),
                                    text(p, "title")));
        }
        return x;
    }

    private static CustomerRow flatCustomer(JsonNode p) {
        return new CustomerRow(
                "globex",
                p.get("cust_id").asText(),
                text(p, "cust_name"),
                text(p, "cust_mail"),
                text(p, "cust_phone"),
                segment(p.get("cust_seg").asText()),
                text(p, "cust_city"),
                text(p, "cust_cc"),
                Instant.ofEpochMilli(p.get("cust_since_ms").asLong()));
    }

    private static CustomerRow buyer(JsonNode b) {
        return new CustomerRow(
                "globex",
                b.get("id").asText(),
                text(b, "name"),
                b.at("/contact/email").asText(),
                text(b.get("contact"), "phone"),
                segment(b.get("segment").asText()),
                b.at("/location/city").asText(),
                b.at("/location/country").asText(),
                Instant.ofEpochSecond(b.get("since").asLong()));
    }

    private static Instant globexTime(JsonNode p, String field, boolean seconds) {
        JsonNode n = p.get(field);
        if (n.isNull()) {
            return null;
        }
        return seconds ? Instant.ofEpochSecond(n.asLong()) : Instant.ofEpochMilli(n.asLong());
    }

    private static String segment(String code) {
        return switch (code) {
            case "G" -> "gold";
            case "S" -> "silver";
            default -> "bronze";
        };
    }

    private static String priority(int code) {
        return switch (code) {
            case 1 -> "urgent";
            case 2 -> "high";
            case 3 -> "normal";
            default -> "low";
        };
    }

    // --- initech ------------------------------------------------------------------------------

    private static Extracted initech(String type, boolean delete, JsonNode p) {
        JsonNode d = p.get("document");
        Extracted x = new Extracted(d.get("number").asText());
        if (delete) {
            return x;
        }
        String t = "initech";
        JsonNode party = p.get("party");
        JsonNode phones = party.get("phones");
        CustomerRow c =
                new CustomerRow(
                        t,
                        party.get("account_no").asText(),
                        text(party, "display_name"),
                        party.at("/emails/0").asText(),
                        phones.isEmpty() ? null : phones.get(0).asText(),
                        switch (party.get("class").asText()) {
                            case "A" -> "gold";
                            case "B" -> "silver";
                            default -> "bronze";
                        },
                        party.at("/addr/town").asText(),
                        party.at("/addr/country_code").asText(),
                        initechLocal(party.get("customer_since")));
        x.customers.add(c);
        Instant date = LocalDateTime.parse(d.get("date").asText(), INITECH_DATE).toInstant(INITECH);
        String orderRef = d.at("/ref/order").asText(null);
        switch (type) {
            case "sales_order" -> {
                x.orders.add(
                        new OrderRow(
                                t,
                                x.key(),
                                c.customerKey(),
                                date,
                                d.get("state").asText().equals("new") ? "placed" : "paid",
                                text(d, "sales_channel"),
                                d.at("/totals/currency").asText(),
                                new BigDecimal(d.at("/totals/gross").asText())));
                for (JsonNode pos : p.get("positions")) {
                    JsonNode a = pos.get("article");
                    x.products.add(article(a, d.at("/totals/currency").asText()));
                    x.lines.add(
                            new OrderLineRow(
                                    t,
                                    x.key(),
                                    pos.get("pos").asText(),
                                    a.get("number").asText(),
                                    pos.get("quantity").asLong(),
                                    new BigDecimal(pos.get("price").asText()),
                                    new BigDecimal(pos.get("net").asText())));
                }
            }
            case "invoice" ->
                    x.invoices.add(
                            new InvoiceRow(
                                    t,
                                    x.key(),
                                    c.customerKey(),
                                    orderRef,
                                    date,
                                    initechLocal(d.get("due")),
                                    new BigDecimal(d.at("/totals/gross").asText()),
                                    d.at("/totals/currency").asText(),
                                    d.get("state").asText().equals("open") ? "open" : "paid"));
            case "shipment" ->
                    x.shipments.add(
                            new ShipmentRow(
                                    t,
                                    x.key(),
                                    orderRef,
                                    c.customerKey(),
                                    date,
                                    text(d, "carrier"),
                                    d.get("state").asText().equals("dispatched")
                                            ? "in_transit"
                                            : "delivered"));
            case "return" -> {
                JsonNode pos = p.at("/positions/0");
                x.products.add(article(pos.get("article"), d.at("/totals/currency").asText()));
                x.returns.add(
                        new ReturnRow(
                                t,
                                x.key(),
                                orderRef,
                                c.customerKey(),
                                pos.at("/article/number").asText(),
                                date,
                                pos.get("quantity").asLong(),
                                new BigDecimal(d.at("/totals/gross").asText()),
                                text(d, "reason")));
            }
            default ->
                    x.tickets.add(
                            new TicketRow(
                                    t,
                                    x.key(),
                                    c.customerKey(),
                                    date,
                                    initechLocal(d.get("closed")),
                                    d.get("state").asText().equals("open") ? "open" : "closed",
                                    priority(
                                            Integer.parseInt(
                                                    d.get("priority").asText().substring(1))),
                                    text(d, "subject")));
        }
        return x;
    }

    private static ProductRow article(JsonNode a, String currency) {
        return new ProductRow(
                "initech",
                a.get("number").asText(),
                text(a, "label"),
                text(a, "group"),
                new BigDecimal(a.get("list_price").asText()),
                currency);
    }

    private static Instant initechLocal(JsonNode n) {
        return n == null || n.isNull() ? null : LocalDateTime.parse(n.asText()).toInstant(INITECH);
    }

    // --- shared -------------------------------------------------------------------------------

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String lower(JsonNode n) {
        return n.asText().toLowerCase(Locale.ROOT);
    }

    private static BigDecimal decimal(JsonNode n) {
        return n.decimalValue().setScale(2);
    }

    private static BigDecimal minor(JsonNode n) {
        return BigDecimal.valueOf(n.asLong(), 2);
    }
}
