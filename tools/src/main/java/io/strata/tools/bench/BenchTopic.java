package io.strata.tools.bench;

import io.strata.workload.Workload;
import io.strata.workload.WorkloadRunner;
import io.strata.workload.oracle.Expectation;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * The benchmark's input: a topic of its own, deleted and created afresh per invocation, loaded with
 * the seeded workload before any pipeline starts, so every pipeline drains the same bytes.
 */
final class BenchTopic {

    /** What the topic holds once loaded. */
    record Loaded(String topic, long records, long bytes, Duration sendTime, Expectation oracle) {}

    private final String servers;
    private final String topic;
    private final int partitions;

    BenchTopic(String servers, String topic, int partitions) {
        this.servers = servers;
        this.topic = topic;
        this.partitions = partitions;
    }

    Loaded load(Workload workload, PrintStream out) {
        recreate();
        return send(workload, out);
    }

    /** Deletes the topic if it exists and creates it empty. */
    void recreate() {
        delete(servers, List.of(topic));
        WorkloadRunner.ensureTopic(servers, topic, partitions);
    }

    /** Sends the workload (at its rate) to the topic as it is. */
    Loaded send(Workload workload, PrintStream out) {
        WorkloadRunner.KafkaRun run =
                WorkloadRunner.sendToKafka(workload, servers, p -> out.println("  " + p));
        return new Loaded(
                topic,
                run.sent().records(),
                run.sent().bytes(),
                run.sent().elapsed(),
                run.expectation());
    }

    /** Records ever written to the topic (sum of its end offsets); 0 while it does not exist. */
    static long endOffsets(String servers, String topic) {
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
            List<TopicPartition> partitions =
                    admin
                            .describeTopics(List.of(topic))
                            .allTopicNames()
                            .get()
                            .get(topic)
                            .partitions()
                            .stream()
                            .map(p -> new TopicPartition(topic, p.partition()))
                            .toList();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            partitions.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get().values().stream()
                    .mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset)
                    .sum();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            return 0; // not created yet
        }
    }

    /** Deletes topics and waits until the broker has; topics that do not exist are skipped. */
    static void delete(String servers, Collection<String> topics) {
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
            for (String topic : topics) {
                try {
                    admin.deleteTopics(List.of(topic)).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                        throw new IllegalStateException("Could not delete " + topic, e.getCause());
                    }
                }
            }
            // Deletion is asynchronous on the broker: a create right after can still fail.
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline
                    && admin.listTopics().names().get().stream().anyMatch(topics::contains)) {
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not list topics", e.getCause());
        }
    }
}
