package io.strata.common.serde;

import static io.strata.common.serde.ShadedRecords.fieldsOf;
import static io.strata.common.serde.ShadedRecords.shaded;
import static org.assertj.core.api.Assertions.assertThat;

import io.strata.model.bronze.BronzeEvent;
import io.strata.model.gold.CustomerFeatures;
import io.strata.testing.KafkaBroker;
import io.strata.testing.TestServices;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
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

/**
 * The project's serde and the real Confluent client (shaded into Flink's {@code avro-confluent}
 * format) read each other's bytes: same framing, same ids, same values.
 */
class ConfluentInteropTest {

    private final String url = TestServices.registry().url();
    private final RegistryClientConfig config = RegistryClientConfig.of(url);
    private final String topic = "interop-" + UUID.randomUUID();

    @Test
    void confluentReadsWhatTheProjectWrites() throws Exception {
        CustomerFeatures features = TestRecords.activeCustomer();
        byte[] bytes = projectSerializer(CustomerFeatures.class).serialize(features);

        GenericRecord read = confluentDeserializer(features).deserialize(bytes);

        assertThat(fieldsOf(read)).isEqualTo(fieldsOf(features));
    }

    @Test
    void theProjectReadsWhatConfluentWrites() throws Exception {
        BronzeEvent event = TestRecords.cdcSnapshot();
        byte[] bytes = confluentSerializer(event).serialize(ShadedRecords.toShaded(event));

        assertThat(projectDeserializer(BronzeEvent.class).deserialize(bytes)).isEqualTo(event);
    }

    @Test
    void bothRegisterTheSameSchemaUnderTheSameId() throws Exception {
        CustomerFeatures features = TestRecords.activeCustomer();
        byte[] ours = projectSerializer(CustomerFeatures.class).serialize(features);
        byte[] theirs = confluentSerializer(features).serialize(ShadedRecords.toShaded(features));

        assertThat(ByteBuffer.wrap(theirs).getInt(1)).isEqualTo(ByteBuffer.wrap(ours).getInt(1));
        assertThat(theirs).isEqualTo(ours);
    }

    @Test
    void theProjectReadsConfluentRecordsOfAnOlderSchemaWithDefaults() throws Exception {
        org.apache.avro.Schema older = ConfluentAvroSerdeTest.olderCustomerFeatures();
        ConfluentRegistryAvroSerializationSchema<GenericRecord> confluent =
                ConfluentRegistryAvroSerializationSchema.forGeneric(
                        SubjectNames.valueSubject(topic), shaded(older), url);
        confluent.open(FlinkContexts.INSTANCE);
        GenericRecord full = ShadedRecords.toShaded(TestRecords.activeCustomer());

        CustomerFeatures read =
                projectDeserializer(CustomerFeatures.class)
                        .deserialize(confluent.serialize(withoutNewFields(full, older)));

        assertThat(read.getCustomerKey()).isEqualTo("C-1001");
        assertThat(read.getOpenSupportTickets()).isZero();
        assertThat(read.getFeatureVersion()).isEqualTo(1);
    }

    @Test
    void recordsCrossARealTopicBothWays() throws Exception {
        CustomerFeatures features = TestRecords.activeCustomer();
        byte[] ours = projectSerializer(CustomerFeatures.class).serialize(features);
        byte[] theirs = confluentSerializer(features).serialize(ShadedRecords.toShaded(features));

        List<byte[]> received = throughKafka(List.of(ours, theirs));

        assertThat(fieldsOf(confluentDeserializer(features).deserialize(received.get(0))))
                .isEqualTo(fieldsOf(features));
        assertThat(projectDeserializer(CustomerFeatures.class).deserialize(received.get(1)))
                .isEqualTo(features);
    }

    private static GenericRecord withoutNewFields(
            GenericRecord full, org.apache.avro.Schema older) {
        GenericRecord trimmed =
                new org.apache.flink.avro.shaded.org.apache.avro.generic.GenericData.Record(
                        shaded(older));
        for (var f : trimmed.getSchema().getFields()) {
            trimmed.put(f.name(), full.get(f.name()));
        }
        return trimmed;
    }

    private <T extends SpecificRecord> ConfluentAvroSerializer<T> projectSerializer(Class<T> type) {
        return ConfluentAvroSerializer.forValue(type, topic, config);
    }

    private <T extends SpecificRecord> ConfluentAvroDeserializer<T> projectDeserializer(
            Class<T> type) {
        return new ConfluentAvroDeserializer<>(type, config);
    }

    private ConfluentRegistryAvroSerializationSchema<GenericRecord> confluentSerializer(
            SpecificRecord like) throws Exception {
        ConfluentRegistryAvroSerializationSchema<GenericRecord> serializer =
                ConfluentRegistryAvroSerializationSchema.forGeneric(
                        SubjectNames.valueSubject(topic), shaded(like.getSchema()), url);
        serializer.open(FlinkContexts.INSTANCE);
        return serializer;
    }

    private ConfluentRegistryAvroDeserializationSchema<GenericRecord> confluentDeserializer(
            SpecificRecord like) throws Exception {
        ConfluentRegistryAvroDeserializationSchema<GenericRecord> deserializer =
                ConfluentRegistryAvroDeserializationSchema.forGeneric(
                        shaded(like.getSchema()), url);
        deserializer.open(FlinkContexts.INSTANCE);
        return deserializer;
    }

    private List<byte[]> throughKafka(List<byte[]> values) throws Exception {
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
