package io.strata.common.kafka;

import io.strata.common.config.StrataOptions;
import io.strata.common.serde.ConfluentAvroSerializationSchema;
import io.strata.common.serde.RegistryClientConfig;
import java.nio.charset.StandardCharsets;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.util.function.SerializableFunction;

/**
 * Records of the generated Avro classes on Kafka topics: values in Confluent's wire format (subject
 * {@code <topic>-value}, via the project's serde), keys as UTF-8 strings.
 */
public final class AvroTopics {

    private AvroTopics() {}

    /** The registry client settings from configuration. */
    public static RegistryClientConfig registry(ReadableConfig config) {
        RegistryClientConfig registry =
                RegistryClientConfig.of(config.get(StrataOptions.SCHEMA_REGISTRY_URL));
        return config.get(StrataOptions.SCHEMA_REGISTRY_AUTO_REGISTER)
                ? registry
                : registry.lookupOnly();
    }

    /**
     * Writes {@code type} records to {@code topic}, keyed by {@code key} (a null key leaves the
     * partition to the producer).
     */
    public static <T extends SpecificRecord> KafkaRecordSerializationSchema<T> serialization(
            ReadableConfig config,
            String topic,
            Class<T> type,
            SerializableFunction<T, String> key) {
        return KafkaRecordSerializationSchema.<T>builder()
                .setTopic(topic)
                .setKeySerializationSchema(new StringKey<>(key))
                .setValueSerializationSchema(
                        ConfluentAvroSerializationSchema.forValue(type, topic, registry(config)))
                .build();
    }

    private static final class StringKey<T> implements SerializationSchema<T> {

        private static final long serialVersionUID = 1L;

        private final SerializableFunction<T, String> key;

        StringKey(SerializableFunction<T, String> key) {
            this.key = key;
        }

        @Override
        public byte[] serialize(T element) {
            String k = key.apply(element);
            return k == null ? null : k.getBytes(StandardCharsets.UTF_8);
        }
    }
}
