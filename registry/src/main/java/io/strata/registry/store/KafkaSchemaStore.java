package io.strata.registry.store;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The durable store: a compacted single-partition Kafka topic, as Confluent's registry uses.
 * Opening replays the topic to its end before returning; an append is produced, then awaited until
 * the local replay has applied it, so every id a client ever saw is rebuilt identically after a
 * restart.
 */
public final class KafkaSchemaStore implements SchemaStore {

    private final String topic;
    private final Duration timeout;
    private final RegistryState state = new RegistryState();
    private final KafkaProducer<byte[], byte[]> producer;
    private final TopicReader reader;

    private KafkaSchemaStore(String topic, Map<String, Object> clientProperties, Duration timeout) {
        this.topic = topic;
        this.timeout = timeout;
        this.producer = new KafkaProducer<>(producerProperties(clientProperties));
        this.reader = new TopicReader(topic, clientProperties, state);
    }

    /**
     * Opens the store on {@code topic} (created if missing), replaying it fully.
     *
     * @param clientProperties Kafka client settings, at least {@code bootstrap.servers}
     * @param timeout bound on start-up and on each append
     */
    public static KafkaSchemaStore open(
            String topic, Map<String, Object> clientProperties, Duration timeout) {
        try (Admin admin = Admin.create(clientProperties)) {
            SchemasTopic.ensure(admin, topic, timeout);
        }
        KafkaSchemaStore store = new KafkaSchemaStore(topic, clientProperties, timeout);
        try {
            store.reader.awaitPosition(store.reader.start(timeout), timeout);
            return store;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    private static Map<String, Object> producerProperties(Map<String, Object> clientProperties) {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // Registrations are rare and a client waits on each one: send immediately.
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.putIfAbsent(CommonClientConfigs.CLIENT_ID_CONFIG, "strata-schema-registry");
        return props;
    }

    @Override
    public RegistryState state() {
        return state;
    }

    @Override
    public void append(StoreRecord record) {
        ProducerRecord<byte[], byte[]> produced =
                new ProducerRecord<>(topic, 0, RecordCodec.key(record), RecordCodec.value(record));
        long offset;
        try {
            offset =
                    producer.send(produced).get(timeout.toMillis(), TimeUnit.MILLISECONDS).offset();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("Interrupted while writing to " + topic, e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw new StoreException("Could not write to the schemas topic " + topic, e);
        }
        reader.awaitPosition(offset + 1, timeout);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        reader.close();
    }
}
