package io.strata.workload.oracle;

import io.strata.workload.oracle.SilverRows.CustomerRow;
import io.strata.workload.oracle.SilverRows.InvoiceRow;
import io.strata.workload.oracle.SilverRows.OrderLineRow;
import io.strata.workload.oracle.SilverRows.OrderRow;
import io.strata.workload.oracle.SilverRows.ProductRow;
import io.strata.workload.oracle.SilverRows.ReturnRow;
import io.strata.workload.oracle.SilverRows.ShipmentRow;
import io.strata.workload.oracle.SilverRows.TicketRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/** The expected final Silver tables: live rows only, each list sorted by tenant and key. */
public final class SilverState {

    private final List<CustomerRow> customers;
    private final List<ProductRow> products;
    private final List<OrderRow> orders;
    private final List<OrderLineRow> orderLines;
    private final List<InvoiceRow> invoices;
    private final List<ShipmentRow> shipments;
    private final List<ReturnRow> returns;
    private final List<TicketRow> tickets;

    SilverState(
            List<CustomerRow> customers,
            List<ProductRow> products,
            List<OrderRow> orders,
            List<OrderLineRow> orderLines,
            List<InvoiceRow> invoices,
            List<ShipmentRow> shipments,
            List<ReturnRow> returns,
            List<TicketRow> tickets) {
        this.customers = sorted(customers, CustomerRow::tenantId, CustomerRow::customerKey);
        this.products = sorted(products, ProductRow::tenantId, ProductRow::productKey);
        this.orders = sorted(orders, OrderRow::tenantId, OrderRow::orderKey);
        this.orderLines =
                sorted(
                        orderLines,
                        OrderLineRow::tenantId,
                        l -> l.orderKey() + '\u0000' + l.lineKey());
        this.invoices = sorted(invoices, InvoiceRow::tenantId, InvoiceRow::invoiceKey);
        this.shipments = sorted(shipments, ShipmentRow::tenantId, ShipmentRow::shipmentKey);
        this.returns = sorted(returns, ReturnRow::tenantId, ReturnRow::returnKey);
        this.tickets = sorted(tickets, TicketRow::tenantId, TicketRow::ticketKey);
    }

    public List<CustomerRow> customers() {
        return customers;
    }

    public List<ProductRow> products() {
        return products;
    }

    public List<OrderRow> orders() {
        return orders;
    }

    public List<OrderLineRow> orderLines() {
        return orderLines;
    }

    public List<InvoiceRow> invoices() {
        return invoices;
    }

    public List<ShipmentRow> shipments() {
        return shipments;
    }

    public List<ReturnRow> returns() {
        return returns;
    }

    public List<TicketRow> tickets() {
        return tickets;
    }

    /**
     * These tables with customers and products of another source added; refuses a (tenant, key)
     * this state already holds, since two sources writing one row would make the result depend on
     * their interleaving.
     */
    SilverState withCdc(List<CustomerRow> moreCustomers, List<ProductRow> moreProducts) {
        return new SilverState(
                disjointUnion(customers, moreCustomers, CustomerRow::tenantId, CustomerRow::key),
                disjointUnion(products, moreProducts, ProductRow::tenantId, ProductRow::key),
                orders,
                orderLines,
                invoices,
                shipments,
                returns,
                tickets);
    }

    /** Row counts per entity name (customer, product, order, ...). */
    public Map<String, Integer> counts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("customer", customers.size());
        counts.put("product", products.size());
        counts.put("order", orders.size());
        counts.put("order_line", orderLines.size());
        counts.put("invoice", invoices.size());
        counts.put("shipment", shipments.size());
        counts.put("return", returns.size());
        counts.put("support_ticket", tickets.size());
        return counts;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SilverState s
                && s.customers.equals(customers)
                && s.products.equals(products)
                && s.orders.equals(orders)
                && s.orderLines.equals(orderLines)
                && s.invoices.equals(invoices)
                && s.shipments.equals(shipments)
                && s.returns.equals(returns)
                && s.tickets.equals(tickets);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                customers, products, orders, orderLines, invoices, shipments, returns, tickets);
    }

    @Override
    public String toString() {
        return "SilverState" + counts();
    }

    private static <R> List<R> disjointUnion(
            List<R> rows, List<R> more, Function<R, String> tenant, Function<R, String> key) {
        Set<String> keys = new HashSet<>();
        rows.forEach(r -> keys.add(tenant.apply(r) + '\u0000' + key.apply(r)));
        for (R r : more) {
            if (!keys.add(tenant.apply(r) + '\u0000' + key.apply(r))) {
                throw new IllegalStateException(
                        "Two sources write the Silver row " + tenant.apply(r) + "/" + key.apply(r));
            }
        }
        List<R> union = new ArrayList<>(rows);
        union.addAll(more);
        return union;
    }

    private static <R> List<R> sorted(
            List<R> rows, Function<R, String> tenant, Function<R, String> key) {
        List<R> copy = new ArrayList<>(rows);
        copy.sort(Comparator.comparing(tenant).thenComparing(key));
        return List.copyOf(copy);
    }
}
