package io.strata.common.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a (typically compacted) topic from its beginning to the end offsets it has when the scan
 * starts, as a {@code read_committed} consumer without a group: how an operator tool learns the
 * latest value per key. A topic that does not exist has nothing to scan.
 */
public final class TopicScan {

    private static final Duration LIMIT = Duration.ofSeconds(60);

    private TopicScan() {}

    public static void readToEnd(
            ReadableConfig config, String topic, Consumer<ConsumerRecord<byte[], byte[]>> each) {
        Properties props = KafkaClientProperties.of(config);
        props.put("key.deserializer", ByteArrayDeserializer.class.getName());
        props.put("value.deserializer", ByteArrayDeserializer.class.getName());
        props.put("isolation.level", "read_committed");
        props.put("enable.auto.commit", "false");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            if (!consumer.listTopics().containsKey(topic)) {
                return;
            }
            List<TopicPartition> partitions =
                    consumer.partitionsFor(topic).stream()
                            .map(p -> new TopicPartition(topic, p.partition()))
                            .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + LIMIT.toNanos();
            while (!end.entrySet().stream()
                    .allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "Could not read topic " + topic + " to its end in " + LIMIT);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(each);
            }
        }
    }
}
