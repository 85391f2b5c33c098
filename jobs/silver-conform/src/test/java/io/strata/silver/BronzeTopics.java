package io.strata.silver;

import io.strata.common.config.StrataOptions;
import io.strata.common.kafka.StartFrom;
import io.strata.common.serde.ConfluentAvroSerializer;
import io.strata.common.serde.RegistryClientConfig;
import io.strata.model.bronze.BronzeEvent;
import io.strata.testing.KafkaBroker;
import io.strata.testing.TestServices;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.configuration.Configuration;
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

    final String name;
    final String events;
    final String tenants;
    private final ConfluentAvroSerializer<BronzeEvent> serializer;
    private final KafkaProducer<byte[], byte[]> producer;

    BronzeTopics(KafkaBroker kafka, String registryUrl, String name) {
        this.name = name;
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

    /**
     * A silver-conform run of its own over these topics: the test services, a warehouse, group,
     * output and control topics named after the run, read from the start, checkpoints every second.
     * Tests add what they are about.
     */
    Configuration jobConfig() {
        Configuration c = new Configuration();
        c.set(StrataOptions.KAFKA_BOOTSTRAP_SERVERS, TestServices.kafka().bootstrapServers());
        c.set(StrataOptions.SCHEMA_REGISTRY_URL, TestServices.registry().url());
        c.set(
                StrataOptions.ICEBERG_WAREHOUSE,
                TestServices.dir("warehouse-" + name).toUri().toString());
        c.set(StrataOptions.CHECKPOINT_INTERVAL, Duration.ofSeconds(1));
        c.set(StrataOptions.CONTROL_TENANTS_TOPIC, "control.tenants." + name);
        c.set(StrataOptions.MANIFEST_TOPIC, "ops.manifest." + name);
        c.set(SilverConformOptions.INPUT_TOPIC, events);
        c.set(SilverConformOptions.TENANTS_TOPIC, tenants);
        c.set(SilverConformOptions.REPROCESS_TOPIC, "bronze.reprocess." + name);
        c.set(SilverConformOptions.GROUP_ID, name);
        c.set(SilverConformOptions.START_FROM, StartFrom.EARLIEST);
        c.set(SilverConformOptions.TOPIC_PREFIX, "silver." + name + ".");
        c.set(SilverConformOptions.QUARANTINE_TOPIC, "silver.quarantine." + name);
        c.set(SilverConformOptions.TRANSACTIONAL_ID_PREFIX, name);
        c.set(SilverConformOptions.TOPIC_PARTITIONS, 1);
        return c;
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
