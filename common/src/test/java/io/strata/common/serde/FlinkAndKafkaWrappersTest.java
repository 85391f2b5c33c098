package io.strata.common.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.model.gold.CustomerFeatures;
import io.strata.testing.TestServices;
import java.util.UUID;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.Test;

/** The Flink schemas and the Kafka serializer are thin views of the same serde. */
class FlinkAndKafkaWrappersTest {

    private final RegistryClientConfig config =
            RegistryClientConfig.of(TestServices.registry().url());
    private final String topic = "wrappers-" + UUID.randomUUID();

    @Test
    void flinkSchemasRoundTripAfterBeingShippedToATask() throws Exception {
        ConfluentAvroSerializationSchema<CustomerFeatures> serialization =
                InstantiationUtil.clone(
                        ConfluentAvroSerializationSchema.forValue(
                                CustomerFeatures.class, topic, config));
        ConfluentAvroDeserializationSchema<CustomerFeatures> deserialization =
                InstantiationUtil.clone(deserializationSchema());
        serialization.open(FlinkContexts.INSTANCE);
        deserialization.open(FlinkContexts.INSTANCE);

        byte[] bytes = serialization.serialize(TestRecords.activeCustomer());

        assertThat(deserialization.deserialize(bytes)).isEqualTo(TestRecords.activeCustomer());
        assertThat(deserialization.isEndOfStream(TestRecords.activeCustomer())).isFalse();
    }

    @Test
    void flinkDeserializationFailsWithThePoisonException() {
        assertThatThrownBy(() -> deserializationSchema().deserialize(new byte[] {1, 2, 3, 4, 5, 6}))
                .isInstanceOf(PoisonAvroException.class);
    }

    @Test
    void theKafkaSerializerUsesOneSubjectPerTopic() throws Exception {
        try (ConfluentAvroKafkaSerializer<CustomerFeatures> serializer =
                new ConfluentAvroKafkaSerializer<>(CustomerFeatures.class, config, false)) {
            byte[] bytes = serializer.serialize(topic, TestRecords.activeCustomer());

            assertThat(
                            new RegistryClient(config)
                                    .lookup(topic + "-value", CustomerFeatures.getClassSchema()))
                    .isEqualTo(ConfluentWireFormat.schemaId(bytes));
            assertThat(
                            new ConfluentAvroDeserializer<>(CustomerFeatures.class, config)
                                    .deserialize(bytes))
                    .isEqualTo(TestRecords.activeCustomer());
        }
    }

    private ConfluentAvroDeserializationSchema<CustomerFeatures> deserializationSchema() {
        return new ConfluentAvroDeserializationSchema<>(
                new ConfluentAvroDeserializer<>(CustomerFeatures.class, config),
                TypeInformation.of(CustomerFeatures.class));
    }
}
