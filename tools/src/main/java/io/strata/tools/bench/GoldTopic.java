package io.strata.tools.bench;

import io.strata.common.serde.ConfluentAvroDeserializer;
import io.strata.common.serde.PoisonAvroException;
import io.strata.common.serde.RegistryClientConfig;
import io.strata.model.gold.CustomerFeatures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a run's copy of {@code gold.customer-features} back whole, as any downstream consumer would
 * (Confluent wire format, the registry): per record its customer, {@code valid_from} and Kafka
 * timestamp. gold-features leaves the timestamp to its producer, which stamps the time it sends
 * ({@code AvroTopics}), so the timestamp is when the row left Gold.
 */
final class GoldTopic {

    private GoldTopic() {}

    static List<GoldLatencyMatch.GoldRecord> read(
            String servers, String registryUrl, String topic, Duration timeout) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        // Exactly-once runs leave aborted transactions behind; they never became visible.
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        ConfluentAvroDeserializer<CustomerFeatures> values =
                new ConfluentAvroDeserializer<>(
                        CustomerFeatures.class, RegistryClientConfig.of(registryUrl));
        List<GoldLatencyMatch.GoldRecord> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(topic).stream()
                            .map(p -> new TopicPartition(topic, p.partition()))
                            .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!end.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    CustomerFeatures f = decode(values, r.value());
                    if (f != null) {
                        records.add(
                                new GoldLatencyMatch.GoldRecord(
                                        f.getTenantId().toString(),
                                        f.getCustomerKey().toString(),
                                        f.getValidFrom().toEpochMilli(),
                                        r.timestamp()));
                    }
                }
                end.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
            }
        }
        return records;
    }

    private static CustomerFeatures decode(
            ConfluentAvroDeserializer<CustomerFeatures> values, byte[] bytes) {
        try {
            return values.deserialize(bytes);
        } catch (PoisonAvroException e) {
            throw new IllegalStateException("gold-features wrote a record it cannot read", e);
        }
    }
}
