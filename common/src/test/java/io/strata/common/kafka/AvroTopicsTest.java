package io.strata.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.common.config.StrataOptions;
import io.strata.common.serde.ConfluentAvroDeserializer;
import io.strata.common.serde.ConfluentWireFormat;
import io.strata.common.serde.RegistryClient;
import io.strata.common.serde.RegistryClientConfig;
import io.strata.model.Layer;
import io.strata.model.QuarantineReason;
import io.strata.model.SourceCoordinates;
import io.strata.model.SourceKind;
import io.strata.model.gold.CustomerFeatureKey;
import io.strata.model.ops.QuarantineRecord;
import io.strata.testing.TestServices;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.util.InstantiationUtil;
import org.apache.flink.util.SimpleUserCodeClassLoader;
import org.apache.flink.util.UserCodeClassLoader;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** Keys of Avro topics: UTF-8 text, or an Avro record under the topic's key subject. */
class AvroTopicsTest {

    private final String topic = "avro-topics-" + UUID.randomUUID();
    private final Configuration config = new Configuration();

    AvroTopicsTest() {
        config.set(StrataOptions.SCHEMA_REGISTRY_URL, TestServices.registry().url());
    }

    @Test
    void aStringKeyIsItsUtf8Bytes() throws Exception {
        ProducerRecord<byte[], byte[]> record =
                write(
                        AvroTopics.serialization(
                                config, topic, CustomerFeatureKey.class, k -> k.getTenantId()),
                        new CustomerFeatureKey("acme", "c-1"));

        assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("acme");
        assertThat(read(CustomerFeatureKey.class, record.value()))
                .isEqualTo(new CustomerFeatureKey("acme", "c-1"));
    }

    @Test
    void anAvroKeyIsWrittenInConfluentsWireFormatUnderTheKeySubject() throws Exception {
        KafkaRecordSerializationSchema<QuarantineRecord> schema =
                AvroTopics.serialization(
                        config,
                        topic,
                        QuarantineRecord.class,
                        CustomerFeatureKey.class,
                        q -> new CustomerFeatureKey(q.getTenantId(), q.getEventId()));
        ProducerRecord<byte[], byte[]> first = write(schema, quarantined("acme", "e-1"));
        ProducerRecord<byte[], byte[]> second = write(schema, quarantined("acme", "e-1"));

        assertThat(read(CustomerFeatureKey.class, first.key()))
                .isEqualTo(new CustomerFeatureKey("acme", "e-1"));
        assertThat(first.key()).isEqualTo(second.key());
        assertThat(read(QuarantineRecord.class, first.value()))
                .isEqualTo(quarantined("acme", "e-1"));
        assertThat(ConfluentWireFormat.schemaId(first.key()))
                .isEqualTo(
                        new RegistryClient(registry())
                                .lookup(topic + "-key", CustomerFeatureKey.getClassSchema()));
    }

    private static <T> ProducerRecord<byte[], byte[]> write(
            KafkaRecordSerializationSchema<T> schema, T element) throws Exception {
        KafkaRecordSerializationSchema<T> shipped = InstantiationUtil.clone(schema);
        shipped.open(new Context(), null);
        return shipped.serialize(element, null, null);
    }

    private static <T extends SpecificRecord> T read(Class<T> type, byte[] bytes) throws Exception {
        return new ConfluentAvroDeserializer<>(type, registry()).deserialize(bytes);
    }

    private static RegistryClientConfig registry() {
        return RegistryClientConfig.of(TestServices.registry().url());
    }

    private static QuarantineRecord quarantined(String tenant, String eventId) {
        return QuarantineRecord.newBuilder()
                .setLayer(Layer.GOLD)
                .setJob("test")
                .setReason(QuarantineReason.OTHER)
                .setReasonDetail("a test")
                .setTenantId(tenant)
                .setEventId(eventId)
                .setSource(new SourceCoordinates(SourceKind.UNKNOWN, "t", 0, 1L, null, null))
                .setRaw(ByteBuffer.wrap(new byte[] {1}))
                .setRawSha256("00")
                .setQuarantinedAt(Instant.EPOCH)
                .build();
    }

    /** What a Flink task passes to {@code open()}. */
    private static final class Context implements SerializationSchema.InitializationContext {
        @Override
        public MetricGroup getMetricGroup() {
            return new UnregisteredMetricsGroup();
        }

        @Override
        public UserCodeClassLoader getUserCodeClassLoader() {
            return SimpleUserCodeClassLoader.create(AvroTopicsTest.class.getClassLoader());
        }
    }
}
