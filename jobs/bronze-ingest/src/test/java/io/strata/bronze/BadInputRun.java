package io.strata.bronze;

import io.strata.bronze.sink.BronzeSinks;
import io.strata.common.config.StrataOptions;
import io.strata.common.control.TenantControlStream;
import io.strata.common.control.TenantControlTopic;
import io.strata.common.flink.StrataEnvironment;
import io.strata.common.kafka.DeliveryMode;
import io.strata.common.kafka.KafkaSources;
import io.strata.testing.KafkaBroker;
import io.strata.testing.TestServices;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * One run of bronze-ingest over fresh raw and CDC topics of the shared broker, unbounded as in
 * production and with restarts allowed, so a record that breaks the job shows as a restart rather
 * than as a test that never ends.
 */
public final class BadInputRun {

    public static final int PARTITIONS = 2;

    public final String name = "bad" + Long.toString(System.nanoTime(), 36);
    public final String rawTopic = "raw." + name;
    public final String cdcTopic = "cdc." + name;
    private final KafkaBroker kafka = TestServices.kafka();
    private final List<SentRecord> sent = new ArrayList<>();

    public BadInputRun() {
        // Records over the job's 1 MB limit must reach it to be refused there.
        Map<String, String> large = Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "4194304");
        kafka.createTopic(rawTopic, PARTITIONS, large);
        kafka.createTopic(cdcTopic, PARTITIONS, large);
    }

    /** A record to send: to the raw or the CDC topic, on {@code partition}. */
    public record Outgoing(
            String label,
            boolean cdc,
            int partition,
            String key,
            byte[] value,
            String expect,
            String tenant) {}

    /** Sends {@code records} in order, one producer, and remembers where each landed. */
    public List<SentRecord> send(List<Outgoing> records) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            for (Outgoing o : records) {
                String topic = o.cdc() ? cdcTopic : rawTopic;
                byte[] key = o.key() == null ? null : o.key().getBytes(StandardCharsets.UTF_8);
                RecordMetadata m =
                        producer.send(new ProducerRecord<>(topic, o.partition(), key, o.value()))
                                .get();
                sent.add(
                        new SentRecord(
                                o.label(),
                                topic,
                                m.partition(),
                                m.offset(),
                                o.expect(),
                                o.tenant()));
            }
        }
        return List.copyOf(sent);
    }

    private KafkaProducer<byte[], byte[]> producer() {
        Properties p = new Properties();
        p.put("bootstrap.servers", kafka.bootstrapServers());
        p.put("max.request.size", "4194304");
        p.put("key.serializer", ByteArraySerializer.class.getName());
        p.put("value.serializer", ByteArraySerializer.class.getName());
        return new KafkaProducer<>(p);
    }

    /** The job's configuration: Iceberg under {@code warehouse}, Kafka outputs of this run. */
    public Configuration config(Path warehouse) {
        Configuration config = new Configuration();
        config.set(StrataOptions.KAFKA_BOOTSTRAP_SERVERS, kafka.bootstrapServers());
        config.set(StrataOptions.ICEBERG_WAREHOUSE, warehouse.toUri().toString());
        config.set(StrataOptions.CHECKPOINT_INTERVAL, Duration.ofMillis(500));
        config.set(StrataOptions.SCHEMA_REGISTRY_URL, TestServices.registry().url());
        config.set(BronzeIngestOptions.EVENTS_TOPIC, "bronze.events." + name);
        config.set(BronzeIngestOptions.QUARANTINE_TOPIC, "bronze.quarantine." + name);
        config.set(BronzeIngestOptions.TRANSACTIONAL_ID_PREFIX, name);
        config.set(StrataOptions.MANIFEST_TOPIC, "ops.manifest." + name);
        config.set(StrataOptions.CONTROL_TENANTS_TOPIC, "control.tenants." + name);
        // Not transactional: the connector's known OutOfOrderSequenceException stall (see
        // KafkaBronzeSinks) holds checkpoints for minutes now and then, and these runs test bad
        // input, not delivery. Without restarts at-least-once writes each record once.
        config.set(StrataOptions.KAFKA_DELIVERY, DeliveryMode.AT_LEAST_ONCE);
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
        config.set(
                RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(200));
        return config;
    }

    /**
     * Starts the job over both topics from their beginning and returns once {@code accounted}
     * reaches {@code target} (then three checkpoint intervals more, so the Kafka transactions of
     * the last checkpoint commit too), or {@code timeout} passed; the job keeps running.
     */
    public JobClient runUntilAccounted(
            Configuration config,
            BronzeSinks testSinks,
            LongSupplier accounted,
            long target,
            Duration timeout)
            throws Exception {
        JobClient job = environment(config, testSinks).executeAsync("bronze-ingest-" + name);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (accounted.getAsLong() < target
                && System.nanoTime() < deadline
                && !job.getJobStatus().get().isGloballyTerminalState()) {
            Thread.sleep(250);
        }
        Thread.sleep(config.get(StrataOptions.CHECKPOINT_INTERVAL).toMillis() * 3);
        return job;
    }

    /** Rows in both Bronze tables now. */
    public static long bronzeRows(Configuration config) {
        try {
            return BronzeContent.rowCount(config);
        } catch (Exception e) {
            return 0;
        }
    }

    private StreamExecutionEnvironment environment(Configuration config, BronzeSinks testSinks) {
        StreamExecutionEnvironment env = StrataEnvironment.create(config);
        env.setParallelism(PARTITIONS);
        Pattern topics = Pattern.compile(Pattern.quote(rawTopic) + "|" + Pattern.quote(cdcTopic));
        TenantControlTopic.ensure(config);
        new BronzeIngestTopology(
                        config,
                        KafkaSources.rawRecords(
                                        config,
                                        topics,
                                        name,
                                        OffsetsInitializer.earliest(),
                                        Duration.ofMinutes(1))
                                .build(),
                        TenantControlStream.sourceBuilder(config, name, Duration.ofMinutes(1))
                                .build(),
                        BronzeSinks.all(List.of(BronzeIngestJob.sinks(config), testSinks)))
                .build(env);
        return env;
    }
}
