package io.strata.silver.reprocess;

import io.strata.common.kafka.AvroTopics;
import io.strata.common.kafka.KafkaClientProperties;
import io.strata.common.kafka.KafkaTopics;
import io.strata.common.kafka.TopicScan;
import io.strata.common.serde.ConfluentAvroSerializer;
import io.strata.model.bronze.BronzeEvent;
import io.strata.silver.SilverConformOptions;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;

/**
 * The compacted topic of Bronze events sent through Silver again: key {@code tenant|event-id},
 * value the Bronze event (Avro via the registry, as on the Bronze topic), header {@value
 * #CONFIG_VERSION} naming the configuration version it was sent for. silver-conform reads it next
 * to the Bronze topic; the reprocessor reads it to not send an event twice for one version.
 */
final class ReprocessTopic implements AutoCloseable {

    static final String CONFIG_VERSION = "strata.config-version";

    private final ReadableConfig config;
    private final String topic;
    private final ConfluentAvroSerializer<BronzeEvent> values;
    private KafkaProducer<byte[], byte[]> producer;

    ReprocessTopic(ReadableConfig config) {
        this.config = config;
        this.topic = config.get(SilverConformOptions.REPROCESS_TOPIC);
        this.values =
                ConfluentAvroSerializer.forValue(
                        BronzeEvent.class, topic, AvroTopics.registry(config));
        KafkaTopics.createMissing(
                config,
                List.of(
                        KafkaTopics.compacted(
                                topic, config.get(SilverConformOptions.TOPIC_PARTITIONS))));
    }

    /** Per event id of {@code tenant}: the configuration version it was last sent for. */
    Map<String, String> sentVersions(String tenant) {
        String prefix = tenant + "|";
        Map<String, String> sent = new HashMap<>();
        TopicScan.readToEnd(
                config,
                topic,
                r -> {
                    String key = r.key() == null ? "" : new String(r.key(), StandardCharsets.UTF_8);
                    Header version = r.headers().lastHeader(CONFIG_VERSION);
                    if (key.startsWith(prefix) && version != null) {
                        sent.put(
                                key.substring(prefix.length()),
                                new String(version.value(), StandardCharsets.UTF_8));
                    }
                });
        return sent;
    }

    /**
     * Sends {@code event} without its Bronze manifest id: its Bronze window was already accounted
     * for when the event was first refused, and the Silver manifest must not count it against that
     * window twice (reconciliation would see one event too many).
     */
    void send(BronzeEvent event, String configVersion) {
        BronzeEvent again = BronzeEvent.newBuilder(event).setManifestId(null).build();
        ProducerRecord<byte[], byte[]> record =
                new ProducerRecord<>(
                        topic,
                        (event.getTenantId() + "|" + event.getEventId())
                                .getBytes(StandardCharsets.UTF_8),
                        values.serialize(again));
        record.headers().add(CONFIG_VERSION, configVersion.getBytes(StandardCharsets.UTF_8));
        producer().send(record);
    }

    void flush() {
        if (producer != null) {
            producer.flush();
        }
    }

    private KafkaProducer<byte[], byte[]> producer() {
        if (producer == null) {
            producer = KafkaClientProperties.producer(config);
        }
        return producer;
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close();
        }
    }
}
