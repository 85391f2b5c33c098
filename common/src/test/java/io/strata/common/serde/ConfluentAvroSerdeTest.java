package io.strata.common.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.model.bronze.BronzeEvent;
import io.strata.model.gold.CustomerFeatures;
import io.strata.testing.TestServices;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;

/** The project's serde against the registry, project to project. */
class ConfluentAvroSerdeTest {

    private final RegistryClientConfig config =
            RegistryClientConfig.of(TestServices.registry().url());
    private final String topic = "serde-" + UUID.randomUUID();

    @Test
    void customerFeaturesRoundTrip() throws Exception {
        CustomerFeatures features = TestRecords.activeCustomer();

        byte[] bytes = serializer(CustomerFeatures.class).serialize(features);

        assertThat(deserializer(CustomerFeatures.class).deserialize(bytes)).isEqualTo(features);
    }

    @Test
    void bronzeEventsRoundTrip() throws Exception {
        BronzeEvent event = TestRecords.cdcSnapshot();

        byte[] bytes = serializer(BronzeEvent.class).serialize(event);

        assertThat(deserializer(BronzeEvent.class).deserialize(bytes)).isEqualTo(event);
    }

    @Test
    void bytesAreFramedWithTheMagicByteAndTheRegisteredId() throws Exception {
        ConfluentAvroSerializer<CustomerFeatures> serializer = serializer(CustomerFeatures.class);

        ByteBuffer bytes = ByteBuffer.wrap(serializer.serialize(TestRecords.activeCustomer()));

        int registered =
                new RegistryClient(config)
                        .lookup(topic + "-value", CustomerFeatures.getClassSchema());
        assertThat(bytes.get()).isZero();
        assertThat(bytes.getInt()).isEqualTo(registered).isEqualTo(serializer.schemaId());
        assertThat(serializer.subject()).isEqualTo(topic + "-value");
    }

    @Test
    void recordsOfAnOlderWriterSchemaReadWithTheReadersDefaults() throws Exception {
        Schema older = olderCustomerFeatures();
        int id = new RegistryClient(config).register(topic + "-value", older);

        CustomerFeatures read =
                deserializer(CustomerFeatures.class).deserialize(frame(id, olderRecord(older)));

        assertThat(read.getCustomerKey()).isEqualTo("C-7");
        assertThat(read.getLifetimeSpend()).isEqualByComparingTo("10.00");
        assertThat(read.getOpenSupportTickets()).isZero();
        assertThat(read.getFeatureVersion()).isEqualTo(1);
    }

    @Test
    void nullIsATombstoneBothWays() throws Exception {
        assertThat(serializer(CustomerFeatures.class).serialize(null)).isNull();
        assertThat(deserializer(CustomerFeatures.class).deserialize(null)).isNull();
    }

    @Test
    void lookupOnlySerializersRefuseUnregisteredSubjects() {
        ConfluentAvroSerializer<CustomerFeatures> serializer =
                ConfluentAvroSerializer.forValue(
                        CustomerFeatures.class, topic, config.lookupOnly());

        assertThatThrownBy(() -> serializer.serialize(TestRecords.activeCustomer()))
                .isInstanceOfSatisfying(
                        RegistryClientException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(40401));
    }

    @Test
    void serializersSurviveJavaSerializationAsFlinkShipsThem() throws Exception {
        ConfluentAvroSerializer<CustomerFeatures> serializer =
                roundTripJava(serializer(CustomerFeatures.class));
        ConfluentAvroDeserializer<CustomerFeatures> deserializer =
                roundTripJava(deserializer(CustomerFeatures.class));

        byte[] bytes = serializer.serialize(TestRecords.activeCustomer());

        assertThat(deserializer.deserialize(bytes)).isEqualTo(TestRecords.activeCustomer());
    }

    @Test
    void keysUseTheKeySubject() {
        assertThat(ConfluentAvroSerializer.forKey(CustomerFeatures.class, topic, config).subject())
                .isEqualTo(topic + "-key");
    }

    /** CustomerFeatures before open_support_tickets and feature_version were added. */
    static Schema olderCustomerFeatures() {
        Schema current = CustomerFeatures.getClassSchema();
        List<Schema.Field> fields =
                current.getFields().stream()
                        .filter(f -> !f.name().equals("open_support_tickets"))
                        .filter(f -> !f.name().equals("feature_version"))
                        .map(f -> new Schema.Field(f, f.schema()))
                        .toList();
        return Schema.createRecord(
                current.getName(), current.getDoc(), current.getNamespace(), false, fields);
    }

    static GenericRecord olderRecord(Schema older) {
        GenericRecord record = new GenericData.Record(older);
        record.put("tenant_id", "acme");
        record.put("customer_key", "C-7");
        record.put("customer_hk", "hk");
        record.put("order_count_30d", 1);
        record.put("lifetime_spend", ByteBuffer.wrap(BigInteger.valueOf(1000).toByteArray()));
        record.put("lifetime_order_count", 1L);
        record.put("valid_from", TestRecords.VALID_FROM.toEpochMilli());
        record.put("computed_at", TestRecords.COMPUTED.toEpochMilli());
        return record;
    }

    static byte[] frame(int id, GenericRecord record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ConfluentWireFormat.writeHeader(out, id);
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(record.getSchema()).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private <T extends org.apache.avro.specific.SpecificRecord>
            ConfluentAvroSerializer<T> serializer(Class<T> type) {
        return ConfluentAvroSerializer.forValue(type, topic, config);
    }

    private <T extends org.apache.avro.specific.SpecificRecord>
            ConfluentAvroDeserializer<T> deserializer(Class<T> type) {
        return new ConfluentAvroDeserializer<>(type, config);
    }

    @SuppressWarnings("unchecked")
    private static <T> T roundTripJava(T object) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(object);
        }
        try (ObjectInputStream in =
                new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }
}
