package io.strata.silver.sink;

import io.strata.common.kafka.KafkaTopics;
import io.strata.silver.SilverConformOptions;
import io.strata.silver.config.CanonicalEntity;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Creates the Silver topics that do not exist yet when the graph is built: one per entity, master
 * data compacted ({@link SilverConformOptions#COMPACTED_ENTITIES}), plus the quarantine topic.
 * Existing topics are left as they are (their settings are the operators').
 */
public final class SilverTopics {

    private SilverTopics() {}

    public static String of(ReadableConfig config, CanonicalEntity entity) {
        return config.get(SilverConformOptions.TOPIC_PREFIX) + entity.entityName();
    }

    public static void ensure(ReadableConfig config) {
        List<String> compacted = config.get(SilverConformOptions.COMPACTED_ENTITIES);
        int partitions = config.get(SilverConformOptions.TOPIC_PARTITIONS);
        List<NewTopic> topics = new ArrayList<>();
        for (CanonicalEntity e : CanonicalEntity.values()) {
            String name = of(config, e);
            topics.add(
                    compacted.contains(e.entityName())
                            ? KafkaTopics.compacted(name, partitions)
                            : KafkaTopics.plain(name, partitions));
        }
        topics.add(
                KafkaTopics.plain(config.get(SilverConformOptions.QUARANTINE_TOPIC), partitions));
        KafkaTopics.createMissing(config, topics);
    }
}
