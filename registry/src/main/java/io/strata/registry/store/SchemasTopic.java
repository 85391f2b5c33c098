package io.strata.registry.store;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Creates the schemas topic when missing and refuses one that would break ordering: a single
 * partition is what makes "replay to the end" a total order of every change.
 */
final class SchemasTopic {

    private SchemasTopic() {}

    static void ensure(Admin admin, String topic, Duration timeout) {
        try {
            TopicDescription description = describe(admin, topic, timeout);
            if (description == null) {
                create(admin, topic, timeout);
            } else if (description.partitions().size() != 1) {
                throw new StoreException(
                        "Topic '"
                                + topic
                                + "' has "
                                + description.partitions().size()
                                + " partitions; the schemas topic must have exactly one.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("Interrupted while preparing topic " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new StoreException("Could not prepare the schemas topic " + topic, e);
        }
    }

    private static TopicDescription describe(Admin admin, String topic, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        try {
            return admin.describeTopics(List.of(topic))
                    .allTopicNames()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .get(topic);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return null;
            }
            throw e;
        }
    }

    private static void create(Admin admin, String topic, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        int brokers =
                admin.describeCluster()
                        .nodes()
                        .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                        .size();
        short replication = (short) Math.min(3, Math.max(1, brokers));
        NewTopic newTopic =
                new NewTopic(topic, 1, replication)
                        .configs(
                                Map.of(
                                        TopicConfig.CLEANUP_POLICY_CONFIG,
                                        TopicConfig.CLEANUP_POLICY_COMPACT));
        try {
            admin.createTopics(List.of(newTopic))
                    .all()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            // Another registry instance may have created it a moment ago.
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }
}
