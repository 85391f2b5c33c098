package io.strata.quality.silver;

import io.strata.common.kafka.RawKafkaRecord;
import io.strata.common.serde.PoisonAvroException;
import io.strata.common.serde.RegistryClientConfig;
import io.strata.model.silver.EntityMeta;
import io.strata.quality.QualityAsyncOptions;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.api.common.eventtime.TimestampAssigner;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.ReadableConfig;

/**
 * The event time of a Silver topic record: its row's {@code meta.event_time}, assigned in the Kafka
 * source so watermarks are per partition (as gold-features does): a partition read ahead of the
 * others does not make their rows late for the profile windows and deadlines. Unreadable records
 * carry no time ({@link Long#MIN_VALUE}) and do not move the watermark.
 */
public final class SilverEventTimes implements TimestampAssigner<RawKafkaRecord> {

    private final SilverRowReader reader;
    private final String topicPrefix;

    private SilverEventTimes(RegistryClientConfig registry, String topicPrefix) {
        this.reader = new SilverRowReader(registry);
        this.topicPrefix = topicPrefix;
    }

    /** Per-partition watermarks trailing the newest event time by the configured disorder. */
    public static WatermarkStrategy<RawKafkaRecord> watermarks(
            ReadableConfig config, RegistryClientConfig registry) {
        String prefix = config.get(QualityAsyncOptions.SILVER_TOPIC_PREFIX);
        return WatermarkStrategy.<RawKafkaRecord>forBoundedOutOfOrderness(
                        config.get(QualityAsyncOptions.SILVER_OUT_OF_ORDERNESS))
                .withTimestampAssigner(context -> new SilverEventTimes(registry, prefix))
                .withIdleness(config.get(QualityAsyncOptions.SILVER_IDLENESS));
    }

    @Override
    public long extractTimestamp(RawKafkaRecord record, long kafkaTimestamp) {
        SilverTopic topic = SilverTopic.ofTopic(topicPrefix, record.topic);
        if (topic == null || record.value == null) {
            return Long.MIN_VALUE;
        }
        try {
            SpecificRecordBase row = reader.read(topic, record);
            return row == null ? Long.MIN_VALUE : eventTime(row);
        } catch (PoisonAvroException e) {
            return Long.MIN_VALUE; // quarantined by DecodeSilverRows
        }
    }

    /** A Silver row's {@code meta.event_time} in epoch millis. */
    static long eventTime(SpecificRecordBase row) {
        return ((EntityMeta) row.get("meta")).getEventTime().toEpochMilli();
    }
}
