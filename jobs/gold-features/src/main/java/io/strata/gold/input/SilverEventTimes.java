package io.strata.gold.input;

import io.strata.common.kafka.RawKafkaRecord;
import io.strata.common.serde.ConfluentAvroDeserializer;
import io.strata.common.serde.PoisonAvroException;
import io.strata.common.serde.RegistryClientConfig;
import io.strata.gold.GoldFeaturesOptions;
import io.strata.model.silver.EntityMeta;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.api.common.eventtime.TimestampAssigner;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.ReadableConfig;

/**
 * The event time of a Silver topic record: its row's {@code meta.event_time}. Assigned in the Kafka
 * source, so watermarks are per partition: Silver's partitions run at their own pace (a replay
 * writes days of event time in seconds, unevenly across partitions), and the features follow the
 * slowest non-idle one instead of calling the others' records late. Unreadable records carry no
 * time ({@link Long#MIN_VALUE}) and do not move the watermark.
 */
public final class SilverEventTimes implements TimestampAssigner<RawKafkaRecord> {

    private final RegistryClientConfig registry;
    private final String topicPrefix;
    private final Map<SilverEntity, ConfluentAvroDeserializer<SpecificRecordBase>> readers =
            new EnumMap<>(SilverEntity.class);

    SilverEventTimes(RegistryClientConfig registry, String topicPrefix) {
        this.registry = registry;
        this.topicPrefix = topicPrefix;
    }

    /** Per-partition watermarks trailing the newest event time by the configured disorder. */
    public static WatermarkStrategy<RawKafkaRecord> watermarks(
            ReadableConfig config, RegistryClientConfig registry) {
        String prefix = config.get(GoldFeaturesOptions.INPUT_TOPIC_PREFIX);
        Duration outOfOrderness = config.get(GoldFeaturesOptions.OUT_OF_ORDERNESS);
        return WatermarkStrategy.<RawKafkaRecord>forBoundedOutOfOrderness(outOfOrderness)
                .withTimestampAssigner(context -> new SilverEventTimes(registry, prefix))
                .withIdleness(config.get(GoldFeaturesOptions.IDLENESS));
    }

    @Override
    @SuppressWarnings("unchecked")
    public long extractTimestamp(RawKafkaRecord record, long kafkaTimestamp) {
        SilverEntity entity = SilverEntity.ofTopic(topicPrefix, record.topic);
        if (entity == null || record.value == null) {
            return Long.MIN_VALUE;
        }
        try {
            SpecificRecordBase row =
                    readers.computeIfAbsent(
                                    entity,
                                    e ->
                                            new ConfluentAvroDeserializer<>(
                                                    (Class<SpecificRecordBase>) e.type(), registry))
                            .deserialize(record.value);
            return row == null
                    ? Long.MIN_VALUE
                    : ((EntityMeta) row.get("meta")).getEventTime().toEpochMilli();
        } catch (PoisonAvroException e) {
            return Long.MIN_VALUE; // quarantined by DecodeSilverRows
        }
    }
}
