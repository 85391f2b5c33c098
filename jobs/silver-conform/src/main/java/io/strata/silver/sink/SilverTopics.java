package io.strata.silver.sink;

import io.strata.common.kafka.KafkaClientProperties;
import io.strata.silver.SilverConformOptions;
import io.strata.silver.config.CanonicalEntity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the Silver topics that do not exist yet when the graph is built: one per entity, master
 * data compacted ({@link SilverConformOptions#COMPACTED_ENTITIES}), plus the quarantine topic.
 * Existing topics are left as they are (their settings are the operators').
 */
public final class SilverTopics {

    private static final Logger LOG = LoggerFactory.getLogger(SilverTopics.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private SilverTopics() {}

    public static String of(ReadableConfig config, CanonicalEntity entity) {
        return config.get(SilverConformOptions.TOPIC_PREFIX) + entity.entityName();
    }

    public static void ensure(ReadableConfig config) {
        List<String> compacted = config.get(SilverConformOptions.COMPACTED_ENTITIES);
        int partitions = config.get(SilverConformOptions.TOPIC_PARTITIONS);
        List<NewTopic> topics = new ArrayList<>();
        for (CanonicalEntity e : CanonicalEntity.values()) {
            NewTopic topic = new NewTopic(of(config, e), Optional.of(partitions), Optional.empty());
            if (compacted.contains(e.entityName())) {
                topic.configs(
                        Map.of(
                                TopicConfig.CLEANUP_POLICY_CONFIG,
                                TopicConfig.CLEANUP_POLICY_COMPACT));
            }
            topics.add(topic);
        }
        topics.add(
                new NewTopic(
                        config.get(SilverConformOptions.QUARANTINE_TOPIC),
                        Optional.of(partitions),
                        Optional.empty()));
        try (Admin admin = Admin.create(KafkaClientProperties.of(config))) {
            CreateTopicsResult result = admin.createTopics(topics);
            result.values().forEach((name, created) -> await(name, created));
        }
    }

    private static void await(String name, org.apache.kafka.common.KafkaFuture<Void> created) {
        try {
            created.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            LOG.info("Created Kafka topic {}", name);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Could not create Kafka topic " + name, e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not create topic " + name + " in time", e);
        }
    }
}
