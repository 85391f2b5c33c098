package io.strata.tools.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The raw ceiling: one plain {@code KafkaConsumer} thread draining the bench topic from the start,
 * without parsing, state or output. No pipeline reading this topic can be faster on this broker.
 */
final class RawCeiling {

    /** STACK.md: a fetch this large keeps a consumer at full speed on lz4-compressed JSON too. */
    private static final int FETCH_BYTES = 8 * 1024 * 1024;

    private final String servers;
    private final String topic;

    RawCeiling(String servers, String topic) {
        this.servers = servers;
        this.topic = topic;
    }

    /** Reads every record; the time is from the first record read to the last. */
    Measurement drain(int round, long events, String groupId, Duration timeout) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, FETCH_BYTES);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(topic).stream()
                            .map(PartitionInfo::partition)
                            .map(p -> new TopicPartition(topic, p))
                            .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
            long deadline = System.nanoTime() + timeout.toNanos();
            long read = 0;
            long first = 0;
            long last = 0;
            long cpuAtFirst = 0;
            while (!end.isEmpty() && System.nanoTime() < deadline) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    if (read == 0) {
                        first = System.nanoTime();
                        cpuAtFirst = threads.getCurrentThreadCpuTime();
                    }
                    read += records.count();
                    last = System.nanoTime();
                }
                end.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
            }
            double cpu = (threads.getCurrentThreadCpuTime() - cpuAtFirst) / 1e9;
            boolean valid = end.isEmpty() && read == events;
            String note = valid ? "" : "read " + read + " of " + events + " records";
            return new Measurement(
                    Measurement.Pipeline.RAW,
                    round,
                    events,
                    read,
                    (last - first) / 1e9,
                    cpu,
                    valid,
                    note,
                    0,
                    0,
                    0,
                    CheckpointStats.NONE);
        }
    }
}
