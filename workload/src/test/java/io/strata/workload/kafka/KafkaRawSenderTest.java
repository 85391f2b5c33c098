package io.strata.workload.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.testing.KafkaBroker;
import io.strata.testing.TestServices;
import io.strata.workload.TestWorkloads;
import io.strata.workload.Workload;
import io.strata.workload.WorkloadOptions;
import io.strata.workload.WorkloadParams;
import io.strata.workload.WorkloadRunner;
import io.strata.workload.WorkloadRunner.KafkaRun;
import io.strata.workload.progress.Progress;
import io.strata.workload.raw.RawRecord;
import io.strata.workload.raw.RawTopics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

/** The generator's records arrive on the topic unchanged, in order per tenant. */
class KafkaRawSenderTest {

    @Test
    void everyGeneratedRecordLandsOnTheTopic() {
        KafkaBroker kafka = TestServices.kafka();
        String topic = "raw.webhooks.sender-test";
        kafka.createTopic(topic, 2);
        WorkloadParams params =
                TestWorkloads.small(21, 5_000).set(WorkloadOptions.TOPIC, topic).build();
        Workload workload = Workload.of(params);
        List<RawRecord> generated = TestWorkloads.records(params);
        List<Progress> progress = new ArrayList<>();

        KafkaRun run =
                WorkloadRunner.sendToKafka(workload, kafka.bootstrapServers(), progress::add);
        List<ConsumerRecord<byte[], byte[]>> consumed = readAll(kafka, topic, generated.size());

        assertThat(run.sent().records()).isEqualTo(generated.size());
        assertThat(consumed).hasSize(generated.size());
        assertThat(valuesByKey(consumed)).isEqualTo(valuesByKeyOf(generated));
        assertThat(consumed.stream().filter(r -> r.key() != null))
                .allSatisfy(
                        r ->
                                assertThat(r.partition())
                                        .isEqualTo(RawTopics.partitionOf(r.key(), 2)));
        assertThat(run.expectation()).isEqualTo(workload.expectation());
        assertThat(progress)
                .last()
                .satisfies(p -> assertThat(p.done()).isEqualTo(generated.size()));
    }

    /** Per key (tenant) the values in topic order; null keys land on any partition. */
    private static Map<String, List<String>> valuesByKey(
            List<ConsumerRecord<byte[], byte[]>> records) {
        Map<String, List<String>> out = new HashMap<>();
        records.forEach(
                r ->
                        out.computeIfAbsent(key(r.key()), k -> new ArrayList<>())
                                .add(Arrays.toString(r.value())));
        out.computeIfPresent("null", (k, v) -> v.stream().sorted().toList());
        return out;
    }

    private static Map<String, List<String>> valuesByKeyOf(List<RawRecord> records) {
        Map<String, List<String>> out = new HashMap<>();
        records.forEach(
                r ->
                        out.computeIfAbsent(key(r.key()), k -> new ArrayList<>())
                                .add(Arrays.toString(r.value())));
        out.computeIfPresent("null", (k, v) -> v.stream().sorted().toList());
        return out;
    }

    private static String key(byte[] key) {
        return key == null ? "null" : new String(key, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static List<ConsumerRecord<byte[], byte[]>> readAll(
            KafkaBroker kafka, String topic, int expected) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(8 << 20));
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(topic).stream()
                            .map(i -> new TopicPartition(topic, i.partition()))
                            .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (out.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
            consumer.poll(Duration.ofMillis(300)).forEach(out::add);
        }
        return out;
    }
}
