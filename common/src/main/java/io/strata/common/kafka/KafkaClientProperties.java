package io.strata.common.kafka;

import io.strata.common.config.StrataOptions;
import java.util.Properties;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Extra Kafka client settings (security, fetch sizes, ...) from configuration: every {@code
 * strata.kafka.client.*} key, without the prefix, goes to every consumer and producer.
 */
public final class KafkaClientProperties {

    public static final String PREFIX = "strata.kafka.client.";

    private KafkaClientProperties() {}

    /** The pass-through client properties plus {@code bootstrap.servers}. */
    public static Properties of(ReadableConfig config) {
        Properties props = new Properties();
        config.toMap().entrySet().stream()
                .filter(e -> e.getKey().startsWith(PREFIX))
                .forEach(e -> props.put(e.getKey().substring(PREFIX.length()), e.getValue()));
        props.put("bootstrap.servers", config.get(StrataOptions.KAFKA_BOOTSTRAP_SERVERS));
        return props;
    }

    /**
     * A producer of raw records for operator tools (control, reprocessing): the pass-through
     * settings, acknowledged by all replicas and idempotent, so a retried send is written once.
     */
    public static KafkaProducer<byte[], byte[]> producer(ReadableConfig config) {
        Properties props = of(config);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        return new KafkaProducer<>(props);
    }
}
