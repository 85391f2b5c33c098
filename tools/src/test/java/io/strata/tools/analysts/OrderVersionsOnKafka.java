package io.strata.tools.analysts;

import io.strata.model.silver.EntityMeta;
import io.strata.model.silver.Order;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code silver.order} topic: three versions of acme's SO-0000042 (placed, shipped, deleted)
 * sent out of event-time order, among another acme order and globex's order of the same key.
 */
final class OrderVersionsOnKafka implements DocQuery {

    private static final Instant PLACED = Instant.parse("2024-03-01T10:00:00.250Z");
    private static final Instant SHIPPED = Instant.parse("2024-03-02T15:30:00Z");
    private static final Instant CANCELLED = Instant.parse("2024-03-03T09:00:00Z");

    private final List<Order> versions = new ArrayList<>();
    private final List<Order> sent = new ArrayList<>();

    OrderVersionsOnKafka() {
        Order placed = version("acme", "SO-0000042", PLACED, "open", "20.00", false);
        Order shipped = version("acme", "SO-0000042", SHIPPED, "shipped", "20.00", false);
        Order cancelled = version("acme", "SO-0000042", CANCELLED, null, null, true);
        versions.addAll(List.of(placed, shipped, cancelled));
        sent.addAll(
                List.of(
                        shipped,
                        version("acme", "SO-0000043", SHIPPED, "open", "30.00", false),
                        placed,
                        version("globex", "SO-0000042", SHIPPED, "open", "7.00", false),
                        cancelled));
    }

    @Override
    public String heading() {
        return "Every version of an order on Kafka";
    }

    @Override
    public void send(TopicWriter kafka) {
        for (Order order : sent) {
            kafka.send(
                    "silver.order",
                    order.getMeta().getTenantId() + "|" + order.getOrderKey(),
                    order);
        }
    }

    @Override
    public Expected expected(Map<String, Long> sentPerTopic) {
        List<List<String>> rows = new ArrayList<>();
        for (Order v : versions) {
            rows.add(
                    List.of(
                            Printed.millis(v.getMeta().getEventTime()),
                            Printed.bool(v.getMeta().getDeleted()),
                            Printed.of(v.getStatus()),
                            Printed.of(v.getTotalAmount()),
                            v.getMeta().getSourcePosition()));
        }
        return new Expected(
                List.of("event_time", "deleted", "status", "total_amount", "source_position"),
                rows,
                true);
    }

    /** A version as silver-conform publishes it; a delete carries the key and nothing else. */
    private static Order version(
            String tenant,
            String key,
            Instant eventTime,
            String status,
            String total,
            boolean deleted) {
        EntityMeta meta = SilverRows.meta(tenant, eventTime, deleted);
        return Order.newBuilder()
                .setMeta(meta)
                .setOrderKey(key)
                .setCustomerKey(deleted ? null : "C-000042")
                .setOrderTime(PLACED)
                .setStatus(status)
                .setTotalAmount(total == null ? null : new BigDecimal(total))
                .build();
    }
}
