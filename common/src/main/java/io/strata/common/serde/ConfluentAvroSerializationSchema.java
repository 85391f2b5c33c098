package io.strata.common.serde;

import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.serialization.SerializationSchema;

/** Flink's view of a {@link ConfluentAvroSerializer}, e.g. as a KafkaSink's value or key schema. */
public final class ConfluentAvroSerializationSchema<T extends SpecificRecord>
        implements SerializationSchema<T> {

    private static final long serialVersionUID = 1L;

    private final ConfluentAvroSerializer<T> serializer;

    public ConfluentAvroSerializationSchema(ConfluentAvroSerializer<T> serializer) {
        this.serializer = serializer;
    }

    /** Values of {@code topic}, subject {@code <topic>-value}. */
    public static <T extends SpecificRecord> ConfluentAvroSerializationSchema<T> forValue(
            Class<T> type, String topic, RegistryClientConfig config) {
        return new ConfluentAvroSerializationSchema<>(
                ConfluentAvroSerializer.forValue(type, topic, config));
    }

    /** Keys of {@code topic}, subject {@code <topic>-key}. */
    public static <T extends SpecificRecord> ConfluentAvroSerializationSchema<T> forKey(
            Class<T> type, String topic, RegistryClientConfig config) {
        return new ConfluentAvroSerializationSchema<>(
                ConfluentAvroSerializer.forKey(type, topic, config));
    }

    @Override
    public void open(InitializationContext context) {
        // Registering at start fails a misconfigured job before it reads anything.
        serializer.schemaId();
    }

    @Override
    public byte[] serialize(T element) {
        return serializer.serialize(element);
    }
}
