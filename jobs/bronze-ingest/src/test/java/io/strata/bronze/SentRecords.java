package io.strata.bronze;

import io.strata.model.QuarantineReason;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Writes raw records to Kafka one by one and remembers what each should become: the oracle of a
 * hand-written scenario.
 */
public final class SentRecords implements AutoCloseable {

    /** One record as written. */
    public record Sent(String topic, int partition, long offset, byte[] value, boolean late) {}

    private final KafkaProducer<byte[], byte[]> producer;

    /** tenant/event id → the copy that must be in Bronze. */
    public final Map<String, Sent> accepted = new HashMap<>();

    /** tenant → dropped copies. */
    public final Map<String, Long> duplicates = new HashMap<>();

    /** tenant:REASON → quarantined records. */
    public final Map<String, Long> quarantined = new HashMap<>();

    /** tenant → records written (tombstones aside). */
    public final Map<String, Long> perTenant = new HashMap<>();

    /** topic@offset → record. */
    public final Map<String, Sent> byPosition = new HashMap<>();

    public SentRecords(String bootstrapServers) {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrapServers);
        props.put("key.serializer", ByteArraySerializer.class.getName());
        props.put("value.serializer", ByteArraySerializer.class.getName());
        this.producer = new KafkaProducer<>(props);
    }

    public void accepted(String topic, int partition, String tenant, String eventId, byte[] value) {
        accepted(topic, partition, tenant, eventId, value, false);
    }

    public void accepted(
            String topic,
            int partition,
            String tenant,
            String eventId,
            byte[] value,
            boolean late) {
        Sent sent = send(topic, partition, tenant, tenant, value, late);
        accepted.put(tenant + "/" + eventId, sent);
    }

    /** A copy of an accepted event; {@code key} as the producer set it. */
    public void duplicate(String topic, int partition, String tenant, byte[] value) {
        send(topic, partition, tenant, tenant, value, false);
        duplicates.merge(tenant, 1L, Long::sum);
    }

    /** A refused record attributed to {@code tenant} (null when nobody can tell). */
    public void quarantined(
            String topic,
            int partition,
            String key,
            String tenant,
            QuarantineReason reason,
            byte[] value) {
        send(topic, partition, key, tenant, value, false);
        quarantined.merge(tenant + ":" + reason, 1L, Long::sum);
    }

    public void tombstone(String topic, int partition, String key) {
        write(topic, partition, key, null);
    }

    private Sent send(
            String topic, int partition, String key, String tenant, byte[] value, boolean late) {
        long offset = write(topic, partition, key, value);
        Sent sent = new Sent(topic, partition, offset, value, late);
        byPosition.put(topic + "@" + offset, sent);
        perTenant.merge(String.valueOf(tenant), 1L, Long::sum);
        return sent;
    }

    private long write(String topic, int partition, String key, byte[] value) {
        byte[] k = key == null ? null : key.getBytes(StandardCharsets.UTF_8);
        try {
            return producer.send(new ProducerRecord<>(topic, partition, k, value)).get().offset();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not write to " + topic, e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
