package io.strata.tools.bench;

import java.time.Duration;
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
 * When each record of a topic was produced: its Kafka timestamp (CreateTime, set by the producer
 * when it sends), by partition and offset, which is how a pipeline's output rows name their input.
 */
final class ProduceTimes {

    private final Map<Integer, long[]> byPartition;

    private ProduceTimes(Map<Integer, long[]> byPartition) {
        this.byPartition = byPartition;
    }

    /** Reads the whole topic (keys and values are not kept). */
    static ProduceTimes read(String servers, String topic, Duration timeout) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(topic).stream()
                            .map(p -> new TopicPartition(topic, p.partition()))
                            .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
            Map<Integer, long[]> times = new HashMap<>();
            end.forEach((tp, offset) -> times.put(tp.partition(), new long[offset.intValue()]));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!end.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    times.get(r.partition())[(int) r.offset()] = r.timestamp();
                }
                end.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
            }
            return new ProduceTimes(times);
        }
    }

    /** The record's produce time (epoch millis), or 0 when the topic has no such record. */
    long at(int partition, long offset) {
        long[] times = byPartition.get(partition);
        return times != null && offset >= 0 && offset < times.length ? times[(int) offset] : 0;
    }
}
