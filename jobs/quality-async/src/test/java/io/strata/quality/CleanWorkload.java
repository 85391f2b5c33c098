package io.strata.quality;

import io.strata.model.silver.Customer;
import io.strata.model.silver.EntityMeta;
import io.strata.model.silver.Invoice;
import io.strata.model.silver.Order;
import io.strata.model.silver.OrderLine;
import io.strata.model.silver.Product;
import io.strata.model.silver.ProductReturn;
import io.strata.model.silver.Shipment;
import io.strata.model.silver.SupportTicket;
import io.strata.quality.silver.SilverTopic;
import io.strata.workload.Workload;
import io.strata.workload.WorkloadOptions;
import io.strata.workload.WorkloadParams;
import io.strata.workload.oracle.Oracle;
import io.strata.workload.oracle.SilverChangeLog;
import io.strata.workload.oracle.SilverRows.CustomerRow;
import io.strata.workload.oracle.SilverRows.InvoiceRow;
import io.strata.workload.oracle.SilverRows.OrderLineRow;
import io.strata.workload.oracle.SilverRows.OrderRow;
import io.strata.workload.oracle.SilverRows.ProductRow;
import io.strata.workload.oracle.SilverRows.ReturnRow;
import io.strata.workload.oracle.SilverRows.ShipmentRow;
import io.strata.workload.oracle.SilverRows.TicketRow;
import io.strata.workload.oracle.SilverVersion;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * A clean generated workload (no malformed records) as the Silver rows silver-conform publishes for
 * it, in publishing order: the oracle's change log ({@link SilverChangeLog}) as Avro. The same
 * workload feeds the rules' clean-input tests and the ITCase.
 */
public final class CleanWorkload {

    /** One published row version and its topic. */
    public record Row(SilverTopic topic, String key, SpecificRecordBase row) {}

    private CleanWorkload() {}

    /** The default size: 4,000 events at the generator's default 10 s arrival interval. */
    public static List<Row> rows() {
        WorkloadParams params =
                WorkloadParams.builder()
                        .seed(7)
                        .events(4_000)
                        .set(WorkloadOptions.CUSTOMERS, 400)
                        .set(WorkloadOptions.PRODUCTS, 100)
                        .set(WorkloadOptions.ARRIVAL_INTERVAL, Duration.ofSeconds(10))
                        .set(WorkloadOptions.MALFORMED_RATE, 0.0)
                        .build();
        Workload workload = Workload.of(params);
        SilverChangeLog log = new SilverChangeLog();
        Oracle.compute(workload.records(), workload.oracleOptions(), log);
        return log.versions().stream().map(v -> new Row(topic(v), v.key(), avro(v))).toList();
    }

    private static SilverTopic topic(SilverVersion v) {
        return SilverTopic.valueOf(v.entity().name());
    }

    private static SpecificRecordBase avro(SilverVersion v) {
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
