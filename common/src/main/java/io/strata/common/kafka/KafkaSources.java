package io.strata.common.kafka;

import io.strata.common.config.StrataOptions;
import java.time.Duration;
import java.util.regex.Pattern;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.util.Preconditions;

/**
 * Kafka sources of raw bytes with their coordinates. Offsets are committed to the consumer group on
 * checkpoints (for monitoring; the source restores from its own checkpointed state), and only
 * committed records of transactional producers are read.
 */
public final class KafkaSources {

    private KafkaSources() {}

    /** Unbounded source over every topic matching {@code topics}, new ones found on the way. */
    public static KafkaSourceBuilder<RawKafkaRecord> rawRecords(
            ReadableConfig config,
            Pattern topics,
            String groupId,
            OffsetsInitializer startingOffsets,
            Duration partitionDiscoveryInterval) {
        Preconditions.checkArgument(
                groupId != null && !groupId.isBlank(), "A Kafka source needs a consumer group id");
        return KafkaSource.<RawKafkaRecord>builder()
                .setProperties(KafkaClientProperties.of(config))
                .setBootstrapServers(config.get(StrataOptions.KAFKA_BOOTSTRAP_SERVERS))
                .setTopicPattern(topics)
                .setGroupId(groupId)
                .setStartingOffsets(startingOffsets)
                .setDeserializer(new RawKafkaRecordDeserializer())
                .setProperty("isolation.level", "read_committed")
                .setProperty("commit.offsets.on.checkpoint", "true")
                .setProperty(
                        "partition.discovery.interval.ms",
                        Long.toString(partitionDiscoveryInterval.toMillis()));
    }
}
