package io.strata.common.kafka;

import io.strata.common.config.StrataOptions;
import java.time.Duration;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.util.Preconditions;

/**
 * Kafka sinks with the pipeline's delivery mode. Exactly-once sinks are transactional; their
 * transaction timeout must not exceed the broker's {@code transaction.max.timeout.ms} (15 minutes
 * by default), or the broker refuses every transaction.
 */
public final class KafkaSinks {

    /** The broker's default {@code transaction.max.timeout.ms}. */
    public static final Duration BROKER_MAX_TRANSACTION_TIMEOUT = Duration.ofMinutes(15);

    private KafkaSinks() {}

    /**
     * A sink with the configured delivery mode. {@code transactionalIdPrefix} must be unique per
     * sink across all jobs on the cluster: producers with the same prefix fence each other.
     */
    public static <T> KafkaSink<T> create(
            ReadableConfig config,
            String transactionalIdPrefix,
            KafkaRecordSerializationSchema<T> serializer) {
        Duration timeout = config.get(StrataOptions.KAFKA_TRANSACTION_TIMEOUT);
        Preconditions.checkArgument(
                timeout.compareTo(BROKER_MAX_TRANSACTION_TIMEOUT) <= 0 && !timeout.isNegative(),
                "%s is %s, more than the broker's maximum of %s",
                StrataOptions.KAFKA_TRANSACTION_TIMEOUT.key(),
                timeout,
                BROKER_MAX_TRANSACTION_TIMEOUT);
        return KafkaSink.<T>builder()
                .setKafkaProducerConfig(KafkaClientProperties.of(config))
                .setBootstrapServers(config.get(StrataOptions.KAFKA_BOOTSTRAP_SERVERS))
                .setDeliveryGuarantee(config.get(StrataOptions.KAFKA_DELIVERY).guarantee())
                .setTransactionalIdPrefix(transactionalIdPrefix)
                .setProperty("transaction.timeout.ms", Long.toString(timeout.toMillis()))
                .setProperty("enable.idempotence", "true")
                .setRecordSerializer(serializer)
                .build();
    }
}
