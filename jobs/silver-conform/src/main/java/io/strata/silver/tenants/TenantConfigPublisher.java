package io.strata.silver.tenants;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Writes tenant configurations to the configuration topic: key = tenant id, value = the YAML text
 * (null removes the tenant). Creates the topic compacted with one partition when it is missing, so
 * the latest configuration per tenant is kept forever and read in order.
 */
final class TenantConfigPublisher implements AutoCloseable {

    private final String topic;
    private final KafkaProducer<byte[], byte[]> producer;

    /** {@code client}: bootstrap.servers and any security settings, for producer and admin. */
    TenantConfigPublisher(Properties client, String topic) {
        this.topic = topic;
        ensureTopic(client, topic);
        Properties props = new Properties();
        props.putAll(client);
        props.put("acks", "all");
        props.put("enable.idempotence", "true");
        props.put("key.serializer", ByteArraySerializer.class.getName());
        props.put("value.serializer", ByteArraySerializer.class.getName());
        this.producer = new KafkaProducer<>(props);
    }

    /** Publishes and waits for the broker; returns where it was written. */
    String publish(TenantConfigUpdate update) {
        byte[] value = update.yaml == null ? null : update.yaml.getBytes(StandardCharsets.UTF_8);
        try {
            RecordMetadata m =
                    producer.send(
                                    new ProducerRecord<>(
                                            topic,
                                            update.tenant.getBytes(StandardCharsets.UTF_8),
                                            value))
                            .get();
            return m.topic() + "/" + m.partition() + "@" + m.offset();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not publish " + update, e.getCause());
        }
    }

    private static void ensureTopic(Properties client, String topic) {
        try (Admin admin = Admin.create(client)) {
            NewTopic compacted =
                    new NewTopic(topic, Optional.of(1), Optional.empty())
                            .configs(
                                    Map.of(
                                            TopicConfig.CLEANUP_POLICY_CONFIG,
                                            TopicConfig.CLEANUP_POLICY_COMPACT));
            admin.createTopics(List.of(compacted)).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Could not create topic " + topic, e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
