package io.strata.silver;

import io.strata.common.serde.ConfluentAvroSerializer;
import io.strata.common.serde.RegistryClientConfig;
import io.strata.model.bronze.BronzeEvent;
import io.strata.testing.KafkaBroker;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The job's input topics in a test: Bronze events as bronze-ingest writes them (Confluent Avro,
 * keyed tenant|event-id), bytes that are none, and tenant configurations as {@code ./strata tenants
 * publish} would.
 */
final class BronzeTopics implements AutoCloseable {

    final String events;
    final String tenants;
    private final ConfluentAvroSerializer<BronzeEvent> serializer;
    private final KafkaProducer<byte[], byte[]> producer;

    BronzeTopics(KafkaBroker kafka, String registryUrl, String name) {
        this.events = "bronze.events." + name;
        this.tenants = "config.tenants." + name;
        kafka.createTopic(events, 1);
        kafka.createTopic(
                tenants,
                1,
                Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        this.serializer =
                ConfluentAvroSerializer.forValue(
                        BronzeEvent.class, events, RegistryClientConfig.of(registryUrl));
        Properties props = new Properties();
        props.put("bootstrap.servers", kafka.bootstrapServers());
        props.put("key.serializer", ByteArraySerializer.class.getName());
        props.put("value.serializer", ByteArraySerializer.class.getName());
        props.put("linger.ms", "5");
        this.producer = new KafkaProducer<>(props);
    }

    void send(List<BronzeEvent> batch) {
        for (BronzeEvent e : batch) {
            String key = e.getTenantId() + "|" + e.getEventId();
            producer.send(new ProducerRecord<>(events, bytes(key), serializer.serialize(e)));
        }
        producer.flush();
    }

    /** Bytes on the Bronze topic that are no Avro event of it. */
    void sendPoison(String key, byte[] value) {
        producer.send(new ProducerRecord<>(events, key == null ? null : bytes(key), value));
        producer.flush();
    }

    void publish(String tenant, String yaml) {
        producer.send(
                new ProducerRecord<>(tenants, bytes(tenant), yaml == null ? null : bytes(yaml)));
        producer.flush();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close();
    }
}
