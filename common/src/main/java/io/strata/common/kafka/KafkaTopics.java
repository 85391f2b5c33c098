package io.strata.common.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates a job's output topics before its graph runs: a topic auto-created by the first write
 * would get the broker's defaults (delete policy, one partition). Topics that exist are left as
 * they are: their settings are the operators'.
 */
public final class KafkaTopics {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaTopics.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private KafkaTopics() {}

    /** A topic with the broker's cleanup policy. */
    public static NewTopic plain(String name, int partitions) {
        return new NewTopic(name, Optional.of(partitions), Optional.empty());
    }

    /** A compacted topic: the latest value per key is kept. */
    public static NewTopic compacted(String name, int partitions) {
        return plain(name, partitions)
                .configs(
                        Map.of(
                                TopicConfig.CLEANUP_POLICY_CONFIG,
                                TopicConfig.CLEANUP_POLICY_COMPACT));
    }

    /** Creates the topics that do not exist yet, on the cluster {@code config} names. */
    public static void createMissing(ReadableConfig config, List<NewTopic> topics) {
        try (Admin admin = Admin.create(KafkaClientProperties.of(config))) {
            admin.createTopics(topics).values().forEach(KafkaTopics::await);
        }
    }

    private static void await(String name, KafkaFuture<Void> created) {
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
