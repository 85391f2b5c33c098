package io.strata.common.control;

import io.strata.common.config.StrataOptions;
import io.strata.common.kafka.KafkaClientProperties;
import io.strata.common.kafka.KafkaTopics;
import io.strata.common.kafka.TopicScan;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The operator's side of the tenant control topic: publish a pause or resume with a plain producer,
 * and read the state in force per tenant (the latest record per key). Plain Kafka clients only, so
 * the CLI can use it without Flink's runtime.
 */
public final class TenantControlTopic {

    private TenantControlTopic() {}

    /** Creates the compacted control topic unless it exists (one partition: it is tiny). */
    public static void ensure(ReadableConfig config) {
        KafkaTopics.createMissing(
                config,
                List.of(KafkaTopics.compacted(config.get(StrataOptions.CONTROL_TENANTS_TOPIC), 1)));
    }

    /** Writes {@code control} (key = tenant) and waits until Kafka has it. */
    public static void publish(ReadableConfig config, TenantControl control) {
        ensure(config);
        String topic = config.get(StrataOptions.CONTROL_TENANTS_TOPIC);
        try (KafkaProducer<byte[], byte[]> producer = KafkaClientProperties.producer(config)) {
            producer.send(
                            new ProducerRecord<>(
                                    topic,
                                    control.tenant.getBytes(StandardCharsets.UTF_8),
                                    control.toJson()))
                    .get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not write to " + topic, e.getCause());
        }
    }

    /** The latest readable control per tenant, by tenant id. */
    public static Map<String, TenantControl> current(ReadableConfig config) {
        Map<String, TenantControl> controls = new TreeMap<>();
        TopicScan.readToEnd(
                config,
                config.get(StrataOptions.CONTROL_TENANTS_TOPIC),
                record -> {
                    if (record.key() == null) {
                        return;
                    }
                    String tenant = new String(record.key(), StandardCharsets.UTF_8).trim();
                    try {
                        controls.put(tenant, TenantControl.fromJson(tenant, record.value()));
                    } catch (IllegalArgumentException e) {
                        // Unreadable: the jobs ignore it too, the previous state stays.
                    }
                });
        return controls;
    }
}
