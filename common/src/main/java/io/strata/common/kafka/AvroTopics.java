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
 * {@code <topic>-value}, via the project's serde); keys as UTF-8 strings or, where a topic's
 * contract says so, Avro records in the same format (subject {@code <topic>-key}).
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
                RegistryClientConfig.of(config.get(StrataOptions.SCHEMA_REGISTRY_URL))
                        .withBasicAuth(
                                config.getOptional(StrataOptions.SCHEMA_REGISTRY_BASIC_AUTH)
                                        .orElse(null));
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
                new StringKey<>(key),
                ConfluentAvroSerializationSchema.forValue(type, topic, registry(config)));
    }

    /**
     * Writes {@code type} records to {@code topic}, keyed by the Avro record {@code key} makes of
     * each, in Confluent's wire format under the subject {@code <topic>-key}: equal keys are equal
     * bytes while the key schema stays the same, which partitioning and compaction rely on.
     */
    public static <T extends SpecificRecord, K extends SpecificRecord>
            KafkaRecordSerializationSchema<T> serialization(
                    ReadableConfig config,
                    String topic,
                    Class<T> type,
                    Class<K> keyType,
                    SerializableFunction<T, K> key) {
        return new Serialization<>(
                topic,
                new AvroKey<>(
                        key,
                        ConfluentAvroSerializationSchema.forKey(keyType, topic, registry(config))),
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
        return sink(
                stream,
                config,
                transactionalIdPrefix,
                topic,
                serialization(config, topic, type, key),
                uid);
    }

    /** Like the string-keyed {@code sink}, with Avro keys of {@code keyType}. */
    public static <T extends SpecificRecord, K extends SpecificRecord> DataStreamSink<T> sink(
            DataStream<T> stream,
            ReadableConfig config,
            String transactionalIdPrefix,
            String topic,
            Class<T> type,
            Class<K> keyType,
            SerializableFunction<T, K> key,
            String uid) {
        return sink(
                stream,
                config,
                transactionalIdPrefix,
                topic,
                serialization(config, topic, type, keyType, key),
                uid);
    }

    private static <T> DataStreamSink<T> sink(
            DataStream<T> stream,
            ReadableConfig config,
            String transactionalIdPrefix,
            String topic,
            KafkaRecordSerializationSchema<T> serialization,
            String uid) {
        return stream.sinkTo(KafkaSinks.create(config, transactionalIdPrefix, serialization))
                .uid(uid)
                .name("Kafka " + topic);
    }

    private static final class Serialization<T> implements KafkaRecordSerializationSchema<T> {

        private static final long serialVersionUID = 1L;

        private final String topic;
        private final SerializationSchema<T> key;
        private final SerializationSchema<T> value;

        Serialization(String topic, SerializationSchema<T> key, SerializationSchema<T> value) {
            this.topic = topic;
            this.key = key;
            this.value = value;
        }

        @Override
        public void open(
                SerializationSchema.InitializationContext context, KafkaSinkContext sinkContext)
                throws Exception {
            key.open(context);
            value.open(context);
        }

        @Override
        public ProducerRecord<byte[], byte[]> serialize(
                T element, KafkaSinkContext context, Long timestamp) {
            // A null timestamp lets the producer stamp the record with the current time.
            return new ProducerRecord<>(
                    topic, null, null, key.serialize(element), value.serialize(element));
        }
    }

    /** A record's key as UTF-8 text; null stays null. */
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

    /** A record's key as an Avro record in Confluent's wire format. */
    private static final class AvroKey<T, K extends SpecificRecord>
            implements SerializationSchema<T> {

        private static final long serialVersionUID = 1L;

        private final SerializableFunction<T, K> key;
        private final SerializationSchema<K> serializer;

        AvroKey(SerializableFunction<T, K> key, SerializationSchema<K> serializer) {
            this.key = key;
            this.serializer = serializer;
        }

        @Override
        public void open(InitializationContext context) throws Exception {
            serializer.open(context);
        }

        @Override
        public byte[] serialize(T element) {
            return serializer.serialize(key.apply(element));
        }
    }
}
