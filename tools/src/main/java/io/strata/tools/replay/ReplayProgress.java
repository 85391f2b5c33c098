package io.strata.tools.replay;

import io.strata.common.kafka.KafkaClientProperties;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * How far a replay has come: its consumer group's committed offsets (Flink commits them when a
 * checkpoint completes, i.e. when the Iceberg commit of what was read before them is done) against
 * target offsets: where the input's last committed records ended when the live job stopped ({@link
 * #afterLastRecord}).
 */
public final class ReplayProgress implements AutoCloseable {

    private final Admin admin;
    private final ReadableConfig config;

    public ReplayProgress(ReadableConfig config) {
        this.config = config;
        this.admin = Admin.create(KafkaClientProperties.of(config));
    }

    /**
     * Per partition of the topics matching {@code topics}: the offset after its last committed
     * record, i.e. what a consumer that has read everything commits. Not the end offset: a
     * transactional producer's commit marker takes the last offset of a partition, and Flink's
     * Kafka source commits the offset after the last record it read, never past a marker.
     */
    public Map<TopicPartition, Long> afterLastRecord(Pattern topics) {
        Map<TopicPartition, Long> ends = endOffsets(topics);
        Map<TopicPartition, Long> firsts = firstOffsets(topics);
        Properties props = KafkaClientProperties.of(config);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class.getName());
        props.put(
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class.getName());
        Map<TopicPartition, Long> after = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            for (Map.Entry<TopicPartition, Long> e : ends.entrySet()) {
                TopicPartition tp = e.getKey();
                long end = e.getValue();
                long first = firsts.getOrDefault(tp, 0L);
                consumer.assign(List.of(tp));
                long last = -1;
                // Step back until a committed record shows (aborted ones are skipped).
                for (long back = 16; last < 0 && end - back < end; back *= 4) {
                    long from = Math.max(first, end - back);
                    consumer.seek(tp, from);
                    while (consumer.position(tp) < end) {
                        for (ConsumerRecord<byte[], byte[]> r :
                                consumer.poll(java.time.Duration.ofMillis(500))) {
                            last = Math.max(last, r.offset());
                        }
                    }
                    if (from == first) {
                        break;
                    }
                }
                after.put(tp, last < 0 ? first : last + 1);
            }
        }
        return after;
    }

    /** The end offset of every partition of every topic matching {@code topics}. */
    public Map<TopicPartition, Long> endOffsets(Pattern topics) {
        return offsets(topics, OffsetSpec.latest());
    }

    /** The first offset of every partition of every topic matching {@code topics}. */
    public Map<TopicPartition, Long> firstOffsets(Pattern topics) {
        return offsets(topics, OffsetSpec.earliest());
    }

    private Map<TopicPartition, Long> offsets(Pattern topics, OffsetSpec spec) {
        try {
            List<String> names =
                    admin.listTopics().names().get().stream()
                            .filter(t -> topics.matcher(t).matches())
                            .sorted()
                            .toList();
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            admin.describeTopics(names)
                    .allTopicNames()
                    .get()
                    .forEach(
                            (name, description) ->
                                    description
                                            .partitions()
                                            .forEach(
                                                    p ->
                                                            request.put(
                                                                    new TopicPartition(
                                                                            name, p.partition()),
                                                                    spec)));
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(request)
                    .all()
                    .get()
                    .forEach((tp, info) -> ends.put(tp, info.offset()));
            return ends;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "Could not read the offsets of " + topics, e.getCause());
        }
    }

    /** The offsets {@code group} committed, by partition. */
    public Map<TopicPartition, Long> committed(String group) {
        try {
            Map<TopicPartition, Long> committed = new HashMap<>();
            Map<TopicPartition, OffsetAndMetadata> offsets =
                    admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            offsets.forEach(
                    (tp, o) -> {
                        if (o != null) {
                            committed.put(tp, o.offset());
                        }
                    });
            return committed;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "Could not read the offsets of group " + group, e.getCause());
        }
    }

    /**
     * How many records of {@code target} lie beyond {@code committed} (partitions without a
     * committed offset count from {@code start}, the replay's first offsets).
     */
    public static long remaining(
            Map<TopicPartition, Long> target,
            Map<TopicPartition, Long> start,
            Map<TopicPartition, Long> committed) {
        long remaining = 0;
        for (Map.Entry<TopicPartition, Long> t : target.entrySet()) {
            long at = committed.getOrDefault(t.getKey(), start.getOrDefault(t.getKey(), 0L));
            remaining += Math.max(0, t.getValue() - at);
        }
        return remaining;
    }

    @Override
    public void close() {
        admin.close();
    }
}
