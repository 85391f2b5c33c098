package io.strata.tools.stack;

import static org.apache.flink.configuration.ConfigOptions.key;

import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;

/**
 * Settings of the local stack. Set them in {@code .strata/stack.properties} or as environment
 * variables ({@code stack.kafka.port} → {@code STRATA_STACK_KAFKA_PORT}).
 */
public final class StackOptions {

    public static final ConfigOption<Integer> KAFKA_PORT =
            key("stack.kafka.port")
                    .intType()
                    .defaultValue(9092)
                    .withDescription("Kafka broker listener port (PLAINTEXT, loopback).");

    public static final ConfigOption<Integer> KAFKA_CONTROLLER_PORT =
            key("stack.kafka.controller-port")
                    .intType()
                    .defaultValue(9093)
                    .withDescription("Kafka KRaft controller listener port.");

    public static final ConfigOption<String> KAFKA_HEAP =
            key("stack.kafka.heap")
                    .stringType()
                    .defaultValue("768m")
                    .withDescription("Maximum heap of the Kafka broker JVM.");

    public static final ConfigOption<Integer> KAFKA_PARTITIONS =
            key("stack.kafka.default-partitions")
                    .intType()
                    .defaultValue(2)
                    .withDescription("Partitions of auto-created topics.");

    public static final ConfigOption<Integer> REGISTRY_PORT =
            key("stack.registry.port")
                    .intType()
                    .defaultValue(8085)
                    .withDescription("Schema Registry REST port.");

    public static final ConfigOption<String> REGISTRY_TOPIC =
            key("stack.registry.topic")
                    .stringType()
                    .defaultValue("_schemas")
                    .withDescription("Compacted Kafka topic that stores the registry's schemas.");

    public static final ConfigOption<Integer> POSTGRES_PORT =
            key("stack.postgres.port")
                    .intType()
                    .defaultValue(15432)
                    .withDescription(
                            "Postgres port (not 5432, so a system Postgres does not collide).");

    public static final ConfigOption<String> POSTGRES_DATABASE =
            key("stack.postgres.database")
                    .stringType()
                    .defaultValue("platform")
                    .withDescription("Database holding the platform's OLTP tables.");

    public static final ConfigOption<Integer> FLINK_REST_PORT =
            key("stack.flink.rest-port")
                    .intType()
                    .defaultValue(8081)
                    .withDescription("Flink JobManager REST and web UI port.");

    public static final ConfigOption<Integer> FLINK_RPC_PORT =
            key("stack.flink.rpc-port")
                    .intType()
                    .defaultValue(6123)
                    .withDescription("Flink JobManager RPC port.");

    public static final ConfigOption<Integer> FLINK_TASKMANAGER_RPC_PORT =
            key("stack.flink.taskmanager-rpc-port")
                    .intType()
                    .defaultValue(6122)
                    .withDescription("Flink TaskManager RPC port.");

    public static final ConfigOption<Integer> FLINK_JOBMANAGER_METRICS_PORT =
            key("stack.flink.jobmanager-metrics-port")
                    .intType()
                    .defaultValue(9249)
                    .withDescription(
                            "Port of the JobManager's Prometheus endpoint (/metrics): job-level"
                                    + " metrics such as checkpoints.");

    public static final ConfigOption<Integer> FLINK_TASKMANAGER_METRICS_PORT =
            key("stack.flink.taskmanager-metrics-port")
                    .intType()
                    .defaultValue(9250)
                    .withDescription(
                            "Port of the TaskManager's Prometheus endpoint (/metrics): operator"
                                    + " metrics such as throughput, consumer lag and the jobs'"
                                    + " own counters.");

    public static final ConfigOption<Integer> FLINK_TASK_SLOTS =
            key("stack.flink.task-slots")
                    .intType()
                    .defaultValue(12)
                    .withDescription(
                            "Task slots of the single TaskManager: the five jobs at parallelism 2"
                                    + " take 10, and a maintenance job needs one or two more.");

    public static final ConfigOption<String> FLINK_JOBMANAGER_MEMORY =
            key("stack.flink.jobmanager-memory")
                    .stringType()
                    .defaultValue("1024m")
                    .withDescription("jobmanager.memory.process.size of the session cluster.");

    public static final ConfigOption<String> FLINK_TASKMANAGER_MEMORY =
            key("stack.flink.taskmanager-memory")
                    .stringType()
                    .defaultValue("4096m")
                    .withDescription(
                            "taskmanager.memory.process.size of the session cluster, metaspace"
                                    + " included.");

    public static final ConfigOption<String> FLINK_TASKMANAGER_METASPACE =
            key("stack.flink.taskmanager-metaspace")
                    .stringType()
                    .defaultValue("1024m")
                    .withDescription(
                            "taskmanager.memory.jvm-metaspace.size: every job jar is shaded"
                                    + " (Iceberg, Kafka, Avro inside), so each running job loads"
                                    + " its own copy of them; five jobs plus a replay or an"
                                    + " upgrade's second copy need more than Flink's default 256"
                                    + " MB.");

    public static final ConfigOption<Duration> START_TIMEOUT =
            key("stack.start-timeout")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(120))
                    .withDescription("How long `up` waits for each service to become ready.");

    private StackOptions() {}

    /** Every option, for documentation and validation. */
    public static List<ConfigOption<?>> all() {
        return List.of(
                KAFKA_PORT,
                KAFKA_CONTROLLER_PORT,
                KAFKA_HEAP,
                KAFKA_PARTITIONS,
                REGISTRY_PORT,
                REGISTRY_TOPIC,
                POSTGRES_PORT,
                POSTGRES_DATABASE,
                FLINK_REST_PORT,
                FLINK_RPC_PORT,
                FLINK_TASKMANAGER_RPC_PORT,
                FLINK_JOBMANAGER_METRICS_PORT,
                FLINK_TASKMANAGER_METRICS_PORT,
                FLINK_TASK_SLOTS,
                FLINK_JOBMANAGER_MEMORY,
                FLINK_TASKMANAGER_MEMORY,
                FLINK_TASKMANAGER_METASPACE,
                START_TIMEOUT);
    }
}
