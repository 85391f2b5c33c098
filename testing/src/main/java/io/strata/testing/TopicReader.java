package io.strata.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a whole topic, from the beginning to the end offsets it has when the read starts, as a
 * {@code read_committed} consumer (what downstream jobs see of a transactional writer) or a {@code
 * read_uncommitted} one. Gives up after 30 s, so a test's assertion says what is missing.
 */
public final class TopicReader {

    /** One record: its key (UTF-8), its decoded value and where it was read. */
    public record Keyed<T>(String key, T value, int partition, long offset) {}

    /** Decodes a record value; may throw, e.g. a deserializer's IOException for bad bytes. */
    @FunctionalInterface
    public interface Decoder<T> {
        T decode(byte[] value) throws IOException;
    }

    private static final Duration LIMIT = Duration.ofSeconds(30);

    private TopicReader() {}

    /** Every committed record of {@code topic}, values decoded by {@code values}. */
    public static <T> List<Keyed<T>> readAll(
            String bootstrapServers, String topic, Decoder<T> values) {
        return readAll(bootstrapServers, topic, values, "read_committed");
    }

    public static <T> List<Keyed<T>> readAll(
            String bootstrapServers, String topic, Decoder<T> values, String isolation) {
        List<Keyed<T>> out = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : records(bootstrapServers, topic, isolation)) {
            String key = r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8);
            out.add(
                    new Keyed<>(
                            key,
                            r.value() == null ? null : decode(values, r.value()),
                            r.partition(),
                            r.offset()));
        }
        return out;
    }

    /** Every committed record of {@code topic} as Kafka gives it (binary keys included). */
    public static List<ConsumerRecord<byte[], byte[]>> records(
            String bootstrapServers, String topic) {
        return records(bootstrapServers, topic, "read_committed");
    }

    /**
     * Every committed record of {@code topic} once its writers' transactions have settled: waits
     * (at most 30 s) until no transaction is open on any of its partitions, i.e. until a {@code
     * read_committed} reader's end (the last stable offset) is the log's end, then reads. A
     * transactional writer's commit returns before the broker has written the commit markers to the
     * partitions, so right after a job's last commit a plain {@link #records} can stop short of
     * that transaction. A transaction that stays open is read past as before: what it holds is
     * missing from the result.
     */
    public static List<ConsumerRecord<byte[], byte[]>> settledRecords(
            String bootstrapServers, String topic) {
        awaitSettled(bootstrapServers, topic);
        return records(bootstrapServers, topic, "read_committed");
    }

    private static void awaitSettled(String servers, String topic) {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        try (KafkaConsumer<byte[], byte[]> committed = consumer(servers, "read_committed");
                KafkaConsumer<byte[], byte[]> all = consumer(servers, "read_uncommitted")) {
            List<TopicPartition> partitions =
                    committed.partitionsFor(topic).stream()
                            .map(p -> new TopicPartition(topic, p.partition()))
                            .toList();
            while (!committed.endOffsets(partitions).equals(all.endOffsets(partitions))
                    && System.nanoTime() < deadline) {
                sleep(Duration.ofMillis(200));
            }
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<ConsumerRecord<byte[], byte[]>> records(
            String bootstrapServers, String topic, String isolation) {
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrapServers, isolation)) {
            Map<TopicPartition, Long> end = seekToBeginning(consumer, topic);
            long deadline = System.nanoTime() + LIMIT.toNanos();
            while (!reached(consumer, end) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }

    private static <T> T decode(Decoder<T> values, byte[] value) {
        try {
            return values.decode(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The raw values of every record of {@code topic}, by {@code partition@offset}. */
    public static Map<String, byte[]> readRaw(String bootstrapServers, String topic) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (Keyed<byte[]> r : readAll(bootstrapServers, topic, v -> v, "read_uncommitted")) {
            out.put(r.partition() + "@" + r.offset(), r.value());
        }
        return out;
    }

    /** How many committed records {@code topic} holds. */
    public static long count(String bootstrapServers, String topic) {
        return readAll(bootstrapServers, topic, v -> Boolean.TRUE).size();
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String servers, String isolation) {
        Properties props = new Properties();
        props.put("bootstrap.servers", servers);
        props.put("isolation.level", isolation);
        props.put("key.deserializer", ByteArrayDeserializer.class.getName());
        props.put("value.deserializer", ByteArrayDeserializer.class.getName());
        return new KafkaConsumer<>(props);
    }

    private static Map<TopicPartition, Long> seekToBeginning(
            KafkaConsumer<byte[], byte[]> consumer, String topic) {
        List<TopicPartition> partitions =
                consumer.partitionsFor(topic).stream()
                        .map(p -> new TopicPartition(topic, p.partition()))
                        .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer.endOffsets(partitions);
    }

    private static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }
}
