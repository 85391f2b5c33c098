package io.strata.common.kafka;

import io.strata.common.config.StrataOptions;
import io.strata.common.serde.ConfluentAvroSerializationSchema;
import io.strata.common.serde.RegistryClientConfig;
import java.nio.charset.StandardCharsets;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamSink;
import org.apache.flink.util.function.SerializableFunction;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Records of the generated Avro classes on Kafka topics: values in Confluent's wire format (subject
 * {@code <topic>-value}, via the project's serde), keys as UTF-8 strings.
 *
 * <p>The Kafka timestamp is the time of writing, not the stream's event time: time-based retention
 * and segment rolling go by record timestamps, so a replay or backfill of old events stamped with
 * their event time would be deleted by retention as soon as it is written. Consumers read event
 * time from the record itself.
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
        return new Serialization<>(
                topic,
                key,
                ConfluentAvroSerializationSchema.forValue(type, topic, registry(config)));
    }

    /**
     * Sinks {@code stream} into the Avro {@code topic} through the job's Kafka sink (delivery mode
     * and transactions from {@link KafkaSinks}), with uid {@code uid} and the topic as its name.
     */
    public static <T extends SpecificRecord> DataStreamSink<T> sink(
            DataStream<T> stream,
            ReadableConfig config,
            String transactionalIdPrefix,
            String topic,
            Class<T> type,
            SerializableFunction<T, String> key,
            String uid) {
        return stream.sinkTo(
                        KafkaSinks.create(
                                config,
                                transactionalIdPrefix,
                                serialization(config, topic, type, key)))
                .uid(uid)
                .name("Kafka " + topic);
    }

    private static final class Serialization<T> implements KafkaRecordSerializationSchema<T> {

        private static final long serialVersionUID = 1L;

        private final String topic;
        private final SerializableFunction<T, String> key;
        private final SerializationSchema<T> value;

        Serialization(
                String topic, SerializableFunction<T, String> key, SerializationSchema<T> value) {
            this.topic = topic;
            this.key = key;
            this.value = value;
        }

        @Override
        public void open(
                SerializationSchema.InitializationContext context, KafkaSinkContext sinkContext)
                throws Exception {
            value.open(context);
        }

        @Override
        public ProducerRecord<byte[], byte[]> serialize(
                T element, KafkaSinkContext context, Long timestamp) {
            String k = key.apply(element);
            byte[] keyBytes = k == null ? null : k.getBytes(StandardCharsets.UTF_8);
            // A null timestamp lets the producer stamp the record with the current time.
            return new ProducerRecord<>(topic, null, null, keyBytes, value.serialize(element));
        }
    }
}
