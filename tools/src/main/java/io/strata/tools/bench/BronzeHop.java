package io.strata.tools.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The first hop of the chain latency, raw record → Bronze topic, to tell where the time goes:
 * bronze-ingest keys a webhook event {@code tenant|event-id} on its topic (BronzeKafkaKeys) and
 * leaves the timestamp to its producer, so each event's first Bronze record is matched to the first
 * send of its raw record by key.
 */
final class BronzeHop {

    private final Map<String, Long> sentAt = new HashMap<>();

    /** Notes a raw record's send; only the first send of an event counts. */
    void sent(String tenant, String eventId, long at) {
        if (eventId != null) {
            sentAt.putIfAbsent(tenant + "|" + eventId, at);
        }
    }

    /** Latencies of the events first sent within [{@code from}, {@code to}]. */
    Latencies read(String servers, String topic, long from, long to, Duration timeout) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        Set<String> seen = new HashSet<>();
        long[] latencies = new long[sentAt.size()];
        int n = 0;
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
                    String key = r.key() == null ? "" : new String(r.key(), StandardCharsets.UTF_8);
                    Long at = sentAt.get(key);
                    if (at != null
                            && at >= from
                            && at <= to
                            && seen.add(key)
                            && n < latencies.length) {
                        latencies[n++] = r.timestamp() - at;
                    }
                }
                end.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
            }
        }
        return Latencies.of(Arrays.copyOf(latencies, n));
    }
}
