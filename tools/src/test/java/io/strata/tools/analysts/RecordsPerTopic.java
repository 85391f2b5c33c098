package io.strata.tools.analysts;

import static io.strata.tools.analysts.SilverRows.customer;
import static io.strata.tools.analysts.SilverRows.meta;

import io.strata.model.silver.Customer;
import io.strata.model.silver.Invoice;
import io.strata.model.silver.OrderLine;
import io.strata.model.silver.Product;
import io.strata.model.silver.ProductReturn;
import io.strata.model.silver.Shipment;
import io.strata.model.silver.SupportTicket;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A record or two on each Silver topic the other queries leave empty, so that every Kafka table of
 * the init file reads a real record through the registry; the counts are what was sent, per topic,
 * by all queries.
 */
final class RecordsPerTopic implements DocQuery {

    private static final Instant AT = Instant.parse("2024-03-01T10:00:00Z");

    @Override
    public String heading() {
        return "Records per topic";
    }

    @Override
    public void send(TopicWriter kafka) {
        for (Customer c :
                List.of(
                        customer("acme", "C-000042", "gold"),
                        customer("acme", "C-000043", "silver"))) {
            kafka.send("silver.customer", "acme|" + c.getCustomerKey(), c);
        }
        kafka.send(
                "silver.product",
                "acme|SKU-1",
                Product.newBuilder()
                        .setMeta(meta("acme", AT, false))
                        .setProductKey("SKU-1")
                        .setUnitPrice(new BigDecimal("9.99"))
                        .build());
        kafka.send(
                "silver.order_line",
                "acme|SO-0000042|1",
                OrderLine.newBuilder()
                        .setMeta(meta("acme", AT, false))
                        .setOrderKey("SO-0000042")
                        .setLineKey("1")
                        .setProductKey("SKU-1")
                        .setQuantity(2L)
                        .setLineAmount(new BigDecimal("19.98"))
                        .build());
        kafka.send(
                "silver.invoice",
                "acme|INV-1",
                Invoice.newBuilder()
                        .setMeta(meta("acme", AT, false))
                        .setInvoiceKey("INV-1")
                        .setInvoiceTime(AT)
                        .setAmount(new BigDecimal("19.98"))
                        .build());
        kafka.send(
                "silver.shipment",
                "acme|SHP-1",
                Shipment.newBuilder()
                        .setMeta(meta("acme", AT, false))
                        .setShipmentKey("SHP-1")
                        .setShippedTime(AT)
                        .build());
        kafka.send(
                "silver.product_return",
                "acme|RET-1",
                ProductReturn.newBuilder()
                        .setMeta(meta("acme", AT, false))
                        .setReturnKey("RET-1")
                        .setReturnTime(AT)
                        .setQuantity(1L)
                        .build());
        kafka.send(
                "silver.support_ticket",
                "acme|T-1",
                SupportTicket.newBuilder()
                        .setMeta(meta("acme", AT, false))
                        .setTicketKey("T-1")
                        .setOpenedTime(AT)
                        .setStatus("open")
                        .build());
    }

    @Override
    public Expected expected(Map<String, Long> sent) {
        List<List<String>> rows = new ArrayList<>();
        new TreeMap<>(sent).forEach((topic, count) -> rows.add(List.of(topic, count.toString())));
        return new Expected(List.of("topic", "records"), rows, true);
    }
}
