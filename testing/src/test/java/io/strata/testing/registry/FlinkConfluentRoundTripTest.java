package io.strata.testing.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.testing.KafkaBroker;
import io.strata.testing.TestServices;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.CachedSchemaRegistryClient;
import org.apache.flink.avro.shaded.org.apache.avro.Schema;
import org.apache.flink.avro.shaded.org.apache.avro.generic.GenericData;
import org.apache.flink.avro.shaded.org.apache.avro.generic.GenericRecord;
import org.apache.flink.formats.avro.registry.confluent.ConfluentRegistryAvroDeserializationSchema;
import org.apache.flink.formats.avro.registry.confluent.ConfluentRegistryAvroSerializationSchema;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/** Flink's Confluent Avro format writes through the registry and reads back via a real topic. */
class FlinkConfluentRoundTripTest {

    private static final Schema ORDER =
            new Schema.Parser()
                    .parse(
                            "{\"type\":\"record\",\"name\":\"Order\",\"namespace\":\"test\","
                                    + "\"fields\":[{\"name\":\"id\",\"type\":\"string\"},"
                                    + "{\"name\":\"qty\",\"type\":\"int\"},"
                                    + "{\"name\":\"note\",\"type\":[\"null\",\"string\"],"
                                    + "\"default\":null}]}");

    private final String topic = "orders-" + UUID.randomUUID();
    private final String url = TestServices.registry().url();

    @Test
    void recordsSurviveSerializeKafkaDeserialize() throws Exception {
        ConfluentRegistryAvroSerializationSchema<GenericRecord> serializer =
                ConfluentRegistryAvroSerializationSchema.forGeneric(topic + "-value", ORDER, url);
        serializer.open(FlinkSchemaContexts.serialization());
        List<GenericRecord> sent = List.of(order("o-1", 3, null), order("o-2", 5, "gift"));

        List<byte[]> received =
                roundTripThroughKafka(sent.stream().map(serializer::serialize).toList());

        ConfluentRegistryAvroDeserializationSchema<GenericRecord> deserializer =
                ConfluentRegistryAvroDeserializationSchema.forGeneric(ORDER, url);
        deserializer.open(FlinkSchemaContexts.deserialization());
        List<GenericRecord> read = new ArrayList<>();
        for (byte[] bytes : received) {
            read.add(deserializer.deserialize(bytes));
        }
        assertThat(read).isEqualTo(sent);
    }

    @Test
    void bytesCarryTheMagicByteAndTheRegisteredId() throws Exception {
        ConfluentRegistryAvroSerializationSchema<GenericRecord> serializer =
                ConfluentRegistryAvroSerializationSchema.forGeneric(topic + "-value", ORDER, url);
        serializer.open(FlinkSchemaContexts.serialization());

        ByteBuffer bytes = ByteBuffer.wrap(serializer.serialize(order("o-1", 1, null)));

        int id =
                new CachedSchemaRegistryClient(url, 10)
                        .getLatestSchemaMetadata(topic + "-value")
                        .getId();
        assertThat(bytes.get()).isZero();
        assertThat(bytes.getInt()).isEqualTo(id);
    }

    private static GenericRecord order(String id, int qty, String note) {
        GenericRecord record = new GenericData.Record(ORDER);
        record.put("id", id);
        record.put("qty", qty);
        record.put("note", note);
        return record;
    }

    private List<byte[]> roundTripThroughKafka(List<byte[]> values) throws Exception {
        KafkaBroker kafka = TestServices.kafka();
        kafka.createTopic(topic, 1);
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(
                        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                        new ByteArraySerializer(),
                        new ByteArraySerializer())) {
            for (byte[] value : values) {
                producer.send(new ProducerRecord<>(topic, value)).get();
            }
        }
        return consume(kafka, values.size());
    }

    private List<byte[]> consume(KafkaBroker kafka, int expected) {
        List<byte[]> values = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(
                        Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                        new ByteArrayDeserializer(),
                        new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long deadline = System.currentTimeMillis() + 30_000;
            while (values.size() < expected && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    values.add(r.value());
                }
            }
        }
        return values;
    }
}
