package io.strata.common.serde;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A Kafka producer {@link Serializer} writing Confluent Avro with TopicNameStrategy subjects, for
 * plain producers such as load generators.
 */
public final class ConfluentAvroKafkaSerializer<T extends SpecificRecord> implements Serializer<T> {

    private final Class<T> type;
    private final RegistryClientConfig config;
    private final boolean isKey;
    private final Map<String, ConfluentAvroSerializer<T>> byTopic = new ConcurrentHashMap<>();

    public ConfluentAvroKafkaSerializer(Class<T> type, RegistryClientConfig config, boolean isKey) {
        this.type = type;
        this.config = config;
        this.isKey = isKey;
    }

    @Override
    public byte[] serialize(String topic, T data) {
        return byTopic.computeIfAbsent(topic, this::serializerFor).serialize(data);
    }

    private ConfluentAvroSerializer<T> serializerFor(String topic) {
        return isKey
                ? ConfluentAvroSerializer.forKey(type, topic, config)
                : ConfluentAvroSerializer.forValue(type, topic, config);
    }
}
