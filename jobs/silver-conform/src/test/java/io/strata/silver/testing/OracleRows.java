package io.strata.silver.testing;

import io.strata.model.silver.Customer;
import io.strata.model.silver.Invoice;
import io.strata.model.silver.Order;
import io.strata.model.silver.OrderLine;
import io.strata.model.silver.Product;
import io.strata.model.silver.ProductReturn;
import io.strata.model.silver.Shipment;
import io.strata.model.silver.SupportTicket;
import io.strata.silver.config.CanonicalEntity;
import io.strata.silver.extract.SilverRow;
import io.strata.workload.oracle.SilverRows.CustomerRow;
import io.strata.workload.oracle.SilverRows.InvoiceRow;
import io.strata.workload.oracle.SilverRows.OrderLineRow;
import io.strata.workload.oracle.SilverRows.OrderRow;
import io.strata.workload.oracle.SilverRows.ProductRow;
import io.strata.workload.oracle.SilverRows.ReturnRow;
import io.strata.workload.oracle.SilverRows.ShipmentRow;
import io.strata.workload.oracle.SilverRows.TicketRow;
import java.util.List;
import java.util.function.Function;

/** Extracted Avro rows in the oracle's row types (content fields, no meta). */
public final class OracleRows {

    private OracleRows() {}

    public static List<CustomerRow> customers(SilverTables t) {
        return map(
                t,
                CanonicalEntity.CUSTOMER,
                Customer.class,
                c ->
                        new CustomerRow(
                                c.getMeta().getTenantId(),
                                c.getCustomerKey(),
                                c.getName(),
                                c.getEmail(),
                                c.getPhone(),
                                c.getSegment(),
                                c.getCity(),
                                c.getCountry(),
                                c.getCreatedAt()));
    }

    public static List<ProductRow> products(SilverTables t) {
        return map(
                t,
                CanonicalEntity.PRODUCT,
                Product.class,
                p ->
                        new ProductRow(
                                p.getMeta().getTenantId(),
                                p.getProductKey(),
                                p.getName(),
                                p.getCategory(),
                                p.getUnitPrice(),
                                p.getCurrency()));
    }

    public static List<OrderRow> orders(SilverTables t) {
        return map(
                t,
                CanonicalEntity.ORDER,
                Order.class,
                o ->
                        new OrderRow(
                                o.getMeta().getTenantId(),
                                o.getOrderKey(),
                                o.getCustomerKey(),
                                o.getOrderTime(),
                                o.getStatus(),
                                o.getChannel(),
                                o.getCurrency(),
                                o.getTotalAmount()));
    }

    public static List<OrderLineRow> orderLines(SilverTables t) {
        return map(
                t,
                CanonicalEntity.ORDER_LINE,
                OrderLine.class,
                l ->
                        new OrderLineRow(
                                l.getMeta().getTenantId(),
                                l.getOrderKey(),
                                l.getLineKey(),
                                l.getProductKey(),
                                l.getQuantity(),
                                l.getUnitPrice(),
                                l.getLineAmount()));
    }

    public static List<InvoiceRow> invoices(SilverTables t) {
        return map(
                t,
                CanonicalEntity.INVOICE,
                Invoice.class,
                i ->
                        new InvoiceRow(
                                i.getMeta().getTenantId(),
                                i.getInvoiceKey(),
                                i.getCustomerKey(),
                                i.getOrderKey(),
                                i.getInvoiceTime(),
                                i.getDueDate(),
                                i.getAmount(),
                                i.getCurrency(),
                                i.getStatus()));
    }

    public static List<ShipmentRow> shipments(SilverTables t) {
        return map(
                t,
                CanonicalEntity.SHIPMENT,
                Shipment.class,
                s ->
                        new ShipmentRow(
                                s.getMeta().getTenantId(),
                                s.getShipmentKey(),
                                s.getOrderKey(),
                                s.getCustomerKey(),
                                s.getShippedTime(),
                                s.getCarrier(),
                                s.getStatus()));
    }

    public static List<ReturnRow> returns(SilverTables t) {
        return map(
                t,
                CanonicalEntity.PRODUCT_RETURN,
                ProductReturn.class,
                r ->
                        new ReturnRow(
                                r.getMeta().getTenantId(),
                                r.getReturnKey(),
                                r.getOrderKey(),
                                r.getCustomerKey(),
                                r.getProductKey(),
                                r.getReturnTime(),
                                r.getQuantity(),
                                r.getRefundAmount(),
                                r.getReason()));
    }

    public static List<TicketRow> tickets(SilverTables t) {
        return map(
                t,
                CanonicalEntity.SUPPORT_TICKET,
                SupportTicket.class,
                s ->
                        new TicketRow(
                                s.getMeta().getTenantId(),
                                s.getTicketKey(),
                                s.getCustomerKey(),
                                s.getOpenedTime(),
                                s.getClosedTime(),
                                s.getStatus(),
                                s.getPriority(),
                                s.getSubject()));
    }

    private static <A extends org.apache.avro.specific.SpecificRecordBase, R> List<R> map(
            SilverTables t, CanonicalEntity e, Class<A> type, Function<A, R> f) {
        return t.live(e).stream().map((SilverRow r) -> f.apply(r.as(type))).toList();
    }
}
