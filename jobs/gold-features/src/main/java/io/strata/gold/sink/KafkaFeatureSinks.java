package io.strata.gold.sink;

import io.strata.common.flink.Uids;
import io.strata.common.kafka.AvroTopics;
import io.strata.common.kafka.KafkaTopics;
import io.strata.gold.GoldFeaturesOptions;
import io.strata.gold.features.FeatureSinks;
import io.strata.model.gold.CustomerFeatureKey;
import io.strata.model.gold.CustomerFeatures;
import java.util.List;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * Writes each customer's current features to the compacted features topic ({@link
 * GoldFeaturesOptions#FEATURES_TOPIC}): key {@link CustomerFeatureKey}, value {@link
 * CustomerFeatures}, both Avro in Confluent's wire format, with the pipeline's delivery mode; the
 * topic keeps the latest row per customer. The topic is created first if missing. The history is
 * not written to Kafka: its home is the history table.
 */
public final class KafkaFeatureSinks implements FeatureSinks {

    private final ReadableConfig config;

    public KafkaFeatureSinks(ReadableConfig config) {
        this.config = config;
        KafkaTopics.createMissing(
                config,
                List.of(
                        KafkaTopics.compacted(
                                config.get(GoldFeaturesOptions.FEATURES_TOPIC),
                                config.get(GoldFeaturesOptions.TOPIC_PARTITIONS))));
    }

    @Override
    public void history(DataStream<CustomerFeatures> rows, Uids uids) {
        // Only current rows go to the topic.
    }

    @Override
    public void current(DataStream<CustomerFeatures> rows, Uids uids) {
        AvroTopics.sink(
                rows,
                config,
                config.get(GoldFeaturesOptions.TRANSACTIONAL_ID_PREFIX) + "-features",
                config.get(GoldFeaturesOptions.FEATURES_TOPIC),
                CustomerFeatures.class,
                CustomerFeatureKey.class,
                KafkaFeatureSinks::key,
                uids.of("features-kafka-current"));
    }

    static CustomerFeatureKey key(CustomerFeatures row) {
        return new CustomerFeatureKey(row.getTenantId(), row.getCustomerKey());
    }
}
