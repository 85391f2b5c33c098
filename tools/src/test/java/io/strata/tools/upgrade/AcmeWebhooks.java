package io.strata.tools.upgrade;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strata.tools.stack.StackHome;
import io.strata.tools.stack.StackOptions;
import io.strata.workload.kafka.KafkaRawSender;
import io.strata.workload.raw.RawTopics;
import io.strata.workload.render.AcmeRenderer;
import io.strata.workload.truth.Op;
import io.strata.workload.truth.RecordType;
import io.strata.workload.truth.Tenants;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import org.apache.iceberg.data.Record;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Raw webhook records of tenant acme written by hand, in the shape the workload's {@link
 * AcmeRenderer} gives them (schema 1.0: one root object per document, the customer nested in it),
 * sent to {@link RawTopics#WEBHOOKS} keyed by the tenant, as the gateway does: Bronze accepts them
 * and Silver conforms them with acme's configuration.
 */
final class AcmeWebhooks {

    static final String TENANT = new AcmeRenderer().tenantId();

    /** The currency acme sells in. */
    static final String CURRENCY = "USD";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String bootstrapServers;

    AcmeWebhooks(StackHome home) {
        this.bootstrapServers = "localhost:" + home.get(StackOptions.KAFKA_PORT);
    }

    /**
     * The customer object acme nests in its documents for the customer a {@code silver.customer}
     * row holds (not a guest): Silver extracts the same content from it, hence the same hash diff.
     */
    static ObjectNode customer(Record row) {
        ObjectNode c = JSON.createObjectNode();
        c.put("id", text(row, "customer_key"));
        c.put("name", text(row, "name"));
        c.put("email", text(row, "email"));
        c.put("phone", text(row, "phone"));
        c.put("tier", text(row, "segment"));
        c.putObject("address").put("city", text(row, "city")).put("country", text(row, "country"));
        Instant since = IcebergRows.instant(row.getField("created_at"));
        c.put("member_since", since == null ? null : since.toString());
        return c;
    }

    /** An invoice of {@code billTo}, issued at {@code eventTime}, for no known order. */
    void sendInvoice(String eventId, Instant eventTime, String invoiceKey, ObjectNode billTo) {
        ObjectNode invoice = JSON.createObjectNode();
        invoice.put("id", invoiceKey);
        invoice.putNull("order_ref");
        invoice.put("issued_at", eventTime.toString());
        invoice.put("due_at", eventTime.plusSeconds(30 * 86_400).toString());
        invoice.put("total", new BigDecimal("10.00"));
        invoice.put("currency", CURRENCY);
        invoice.put("status", "issued");
        invoice.set("bill_to", billTo);
        send(RecordType.INVOICE, Op.CREATE, eventId, eventTime, "invoice", invoice);
    }

    /**
     * An order without lines, placed at {@code placedAt} by {@code customer}, its status still to
     * set.
     */
    static ObjectNode order(
            String orderKey, Instant placedAt, BigDecimal total, ObjectNode customer) {
        ObjectNode order = JSON.createObjectNode();
        order.put("id", orderKey);
        order.put("placed_at", placedAt.toString());
        order.putNull("status");
        order.put("channel", "web");
        order.put("currency", CURRENCY);
        order.put("total", total);
        order.putArray("items");
        order.set("customer", customer);
        return order;
    }

    /** A version of {@code order} at {@code eventTime}. */
    void sendOrder(Op op, String eventId, Instant eventTime, ObjectNode order) {
        send(RecordType.SALES_ORDER, op, eventId, eventTime, "order", order);
    }

    private void send(
            RecordType type,
            Op op,
            String eventId,
            Instant eventTime,
            String root,
            ObjectNode document) {
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("tenant_id", TENANT);
        envelope.put("app", Tenants.APP);
        envelope.put("record_type", type.wireName());
        envelope.put("schema_version", new AcmeRenderer().schemaVersion());
        envelope.put("event_id", eventId);
        envelope.put("event_time", eventTime.toString());
        envelope.put("op", op.wireName());
        envelope.putObject("payload").set(root, document);
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(KafkaRawSender.producerProperties(bootstrapServers))) {
            producer.send(
                            new ProducerRecord<>(
                                    RawTopics.WEBHOOKS,
                                    TENANT.getBytes(StandardCharsets.UTF_8),
                                    JSON.writeValueAsBytes(envelope)))
                    .get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka refused " + eventId, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String text(Record row, String column) {
        Object value = row.getField(column);
        return value == null ? null : value.toString();
    }
}
