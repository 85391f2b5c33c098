package io.strata.common.kafka;

import io.strata.common.config.StrataOptions;
import java.util.Properties;
import org.apache.flink.configuration.ReadableConfig;

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
}
