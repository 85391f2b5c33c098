package io.strata.tools.analysts;

import io.strata.common.serde.ConfluentAvroSerializer;
import io.strata.common.serde.RegistryClientConfig;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Puts Avro records on the stack's topics as the jobs do: values (and Avro keys) in Confluent's
 * wire format through the registry, with the project's serializer, inside one Kafka transaction
 * (the jobs deliver exactly once, so readers must skip the transaction markers). Counts what it
 * sent per topic.
 */
final class TopicWriter implements AutoCloseable {

    private final KafkaProducer<byte[], byte[]> producer;
    private final RegistryClientConfig registry;
    private final Map<String, ConfluentAvroSerializer<SpecificRecord>> serializers =
            new HashMap<>();
    private final Map<String, Long> sent = new TreeMap<>();

    TopicWriter(String bootstrapServers, String registryUrl) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "sql-client-it-" + UUID.randomUUID());
        producer =
                new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
        producer.initTransactions();
        producer.beginTransaction();
        registry = RegistryClientConfig.of(registryUrl);
    }

    /** A record keyed by text, as the Silver topics are ({@code tenant|business key}). */
    void send(String topic, String key, SpecificRecord value) {
        send(topic, key.getBytes(StandardCharsets.UTF_8), value);
    }

    /** A record with an Avro key (subject {@code <topic>-key}). */
    void send(String topic, SpecificRecord key, SpecificRecord value) {
        send(topic, serializer(topic, key, true).serialize(key), value);
    }

    private void send(String topic, byte[] key, SpecificRecord value) {
        producer.send(
                new ProducerRecord<>(topic, key, serializer(topic, value, false).serialize(value)));
        sent.merge(topic, 1L, Long::sum);
    }

    /** Commits the transaction; returns the records sent per topic. */
    Map<String, Long> commit() {
        producer.commitTransaction();
        return Map.copyOf(sent);
    }

    @SuppressWarnings("unchecked")
    private ConfluentAvroSerializer<SpecificRecord> serializer(
            String topic, SpecificRecord record, boolean isKey) {
        Class<SpecificRecord> type = (Class<SpecificRecord>) record.getClass();
        return serializers.computeIfAbsent(
                topic + (isKey ? "-key" : "-value"),
                subject ->
                        isKey
                                ? ConfluentAvroSerializer.forKey(type, topic, registry)
                                : ConfluentAvroSerializer.forValue(type, topic, registry));
    }

    @Override
    public void close() {
        producer.close();
    }
}
