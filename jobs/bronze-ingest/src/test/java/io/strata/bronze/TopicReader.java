package io.strata.bronze;

import io.strata.common.serde.ConfluentAvroDeserializer;
import io.strata.common.serde.RegistryClientConfig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads a whole Avro topic as a read_committed consumer would. */
public final class TopicReader {

    /** One record: its key and its decoded value. */
    public record Keyed<T>(String key, T value) {}

    private TopicReader() {}

    public static <T extends SpecificRecord> List<Keyed<T>> readAll(
            String bootstrapServers, String topic, Class<T> type, String registryUrl)
            throws Exception {
        return readAll(bootstrapServers, topic, type, registryUrl, "read_committed");
    }

    static <T extends SpecificRecord> List<Keyed<T>> readAll(
            String bootstrapServers,
            String topic,
            Class<T> type,
            String registryUrl,
            String isolation)
            throws Exception {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrapServers);
        props.put("isolation.level", isolation);
        props.put("key.deserializer", ByteArrayDeserializer.class.getName());
        props.put("value.deserializer", ByteArrayDeserializer.class.getName());
        ConfluentAvroDeserializer<T> values =
                new ConfluentAvroDeserializer<>(type, RegistryClientConfig.of(registryUrl));
        List<Keyed<T>> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(topic).stream()
                            .map(p -> new TopicPartition(topic, p.partition()))
                            .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!reached(consumer, end) && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    String key =
                            r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8);
                    out.add(new Keyed<>(key, values.deserialize(r.value())));
                }
            }
        }
        return out;
    }

    /** The raw bytes of every record of {@code topic}, by {@code partition@offset}. */
    public static Map<String, byte[]> readRaw(String bootstrapServers, String topic) {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrapServers);
        props.put("key.deserializer", ByteArrayDeserializer.class.getName());
        props.put("value.deserializer", ByteArrayDeserializer.class.getName());
        Map<String, byte[]> out = new java.util.HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(topic).stream()
                            .map(p -> new TopicPartition(topic, p.partition()))
                            .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (!reached(consumer, end)) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    out.put(r.partition() + "@" + r.offset(), r.value());
                }
            }
        }
        return out;
    }

    private static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }
}
