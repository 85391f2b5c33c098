package io.strata.bronze.cdc;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads {@code cdc.*} topics from the beginning as a read_committed consumer, accumulating. */
final class CdcTopicReader implements AutoCloseable {

    // Decimals as BigDecimal: doubles would hide a lost digit.
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** One record as a consumer sees it; a null value is a tombstone. */
    record Change(
            String topic, int partition, long offset, JsonNode key, JsonNode value, String raw) {

        String op() {
            return value == null ? null : value.path("op").asText();
        }

        /** The LSN of a change, null for a snapshot read. */
        Long lsn() {
            JsonNode lsn = value.path("source").path("lsn");
            return lsn.isNull() ? null : lsn.asLong();
        }

        JsonNode before() {
            return value.path("before");
        }

        JsonNode after() {
            return value.path("after");
        }

        boolean isTombstone() {
            return value == null;
        }
    }

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final boolean keep;
    private final List<Change> changes = new ArrayList<>();
    private final Map<String, Long> counts = new HashMap<>();

    CdcTopicReader(String bootstrapServers, List<String> topics) {
        this(bootstrapServers, topics, true);
    }

    /** With {@code keep} false only the counts are kept (for large runs). */
    CdcTopicReader(String bootstrapServers, List<String> topics, boolean keep) {
        this.keep = keep;
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrapServers);
        props.put("isolation.level", "read_committed");
        props.put("key.deserializer", ByteArrayDeserializer.class.getName());
        props.put("value.deserializer", ByteArrayDeserializer.class.getName());
        consumer = new KafkaConsumer<>(props);
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            consumer.partitionsFor(topic)
                    .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /**
     * Polls until every topic holds at least its expected count, then one settle period more, so a
     * surplus would show; returns everything read so far, in topic-partition order.
     */
    List<Change> awaitCounts(Map<String, Integer> expected, Duration timeout, Duration settle) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!reached(expected) && System.nanoTime() < deadline) {
            poll(Duration.ofMillis(200));
        }
        long settled = System.nanoTime() + settle.toNanos();
        while (System.nanoTime() < settled) {
            poll(Duration.ofMillis(200));
        }
        return List.copyOf(changes);
    }

    Map<String, Long> counts() {
        return Map.copyOf(counts);
    }

    static Map<String, Long> asLongs(Map<String, Integer> counts) {
        return counts.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> (long) e.getValue()));
    }

    private boolean reached(Map<String, Integer> expected) {
        return expected.entrySet().stream()
                .allMatch(e -> counts.getOrDefault(e.getKey(), 0L) >= e.getValue());
    }

    private void poll(Duration timeout) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(timeout)) {
            counts.merge(r.topic(), 1L, Long::sum);
            if (keep) {
                String raw =
                        r.value() == null ? null : new String(r.value(), StandardCharsets.UTF_8);
                changes.add(
                        new Change(
                                r.topic(),
                                r.partition(),
                                r.offset(),
                                json(r.key()),
                                json(r.value()),
                                raw));
            }
        }
    }

    static JsonNode json(byte[] bytes) {
        try {
            return bytes == null ? null : JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String text) {
        return json(text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        consumer.close();
    }
}
