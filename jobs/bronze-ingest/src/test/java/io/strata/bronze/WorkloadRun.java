package io.strata.bronze;

import io.strata.bronze.sink.BronzeSinks;
import io.strata.common.config.StrataOptions;
import io.strata.common.flink.StrataEnvironment;
import io.strata.common.kafka.KafkaSources;
import io.strata.common.kafka.RawKafkaRecord;
import io.strata.testing.KafkaBroker;
import io.strata.testing.TestServices;
import io.strata.workload.Workload;
import io.strata.workload.WorkloadOptions;
import io.strata.workload.WorkloadParams;
import io.strata.workload.WorkloadRunner;
import io.strata.workload.oracle.Expectation;
import io.strata.workload.oracle.Oracle;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * A generated workload sent to a fresh raw topic of the shared broker, the oracle's expectation for
 * it (lateness per partition, as bronze-ingest tracks it), and a bounded run of the job over it.
 */
public final class WorkloadRun {

    public static final int PARTITIONS = 2;

    public final String name;
    public final String topic;
    public final WorkloadParams params;
    public final Expectation expected;
    private final KafkaBroker kafka;

    private WorkloadRun(
            String name, WorkloadParams params, Expectation expected, KafkaBroker kafka) {
        this.name = name;
        this.topic = params.get(WorkloadOptions.TOPIC);
        this.params = params;
        this.expected = expected;
        this.kafka = kafka;
    }

    /** Generates {@code events} business events from {@code seed} and sends them. */
    public static WorkloadRun send(long seed, long events) {
        KafkaBroker kafka = TestServices.kafka();
        String name = "wl" + Long.toString(System.nanoTime(), 36);
        WorkloadParams params =
                WorkloadParams.builder()
                        .seed(seed)
                        .events(events)
                        .set(WorkloadOptions.TOPIC, "raw." + name)
                        .set(WorkloadOptions.MALFORMED_RATE, 0.05)
                        .set(WorkloadOptions.DUPLICATE_RATE, 0.05)
                        .set(WorkloadOptions.LATE_RATE, 0.02)
                        .build();
        Workload workload = Workload.of(params);
        WorkloadRunner.ensureTopic(kafka.bootstrapServers(), "raw." + name, PARTITIONS);
        WorkloadRunner.sendToKafka(workload, kafka.bootstrapServers(), p -> {});
        Expectation expected =
                Oracle.compute(
                        workload.records(),
                        workload.oracleOptions().withLatenessPerPartition(PARTITIONS));
        return new WorkloadRun(name, params, expected, kafka);
    }

    /** The job's configuration for this workload; Kafka outputs only when {@code kafkaOutput}. */
    public Configuration config(Path warehouse, boolean kafkaOutput) {
        Configuration config = new Configuration();
        config.set(StrataOptions.KAFKA_BOOTSTRAP_SERVERS, kafka.bootstrapServers());
        config.set(StrataOptions.ICEBERG_WAREHOUSE, warehouse.toUri().toString());
        config.set(StrataOptions.CHECKPOINT_INTERVAL, Duration.ofMillis(500));
        config.set(BronzeIngestOptions.KAFKA_OUTPUT_ENABLED, kafkaOutput);
        if (kafkaOutput) {
            config.set(StrataOptions.SCHEMA_REGISTRY_URL, TestServices.registry().url());
            config.set(BronzeIngestOptions.EVENTS_TOPIC, "bronze.events." + name);
            config.set(BronzeIngestOptions.QUARANTINE_TOPIC, "bronze.quarantine." + name);
            config.set(BronzeIngestOptions.TRANSACTIONAL_ID_PREFIX, name);
            config.set(StrataOptions.MANIFEST_TOPIC, "ops.manifest." + name);
        }
        config.set(
                BronzeIngestOptions.MAX_RECORD_SIZE,
                new MemorySize(params.get(WorkloadOptions.MAX_RECORD_BYTES)));
        config.set(
                BronzeIngestOptions.OUT_OF_ORDERNESS,
                params.get(WorkloadOptions.MAX_OUT_OF_ORDERNESS));
        config.set(BronzeIngestOptions.ALLOWED_LATENESS, params.allowedLateness());
        return config;
    }

    /** Runs the job over the whole topic, bounded, with production sinks plus {@code testSinks}. */
    public void execute(Configuration config, BronzeSinks testSinks) throws Exception {
        environment(config, testSinks, true).execute("bronze-ingest-" + name);
    }

    /**
     * Runs the job unbounded, as in production, until Bronze holds as many rows as the oracle
     * expects (then one more checkpoint interval, so Kafka commits catch up), and cancels it.
     * Bounded input is avoided here on purpose: Iceberg's FlinkSink commits the files of writers
     * that reached the end of their input under a special checkpoint id, which a restore can commit
     * while the finished input is read again.
     */
    public void executeUntilComplete(Configuration config, BronzeSinks testSinks, Duration timeout)
            throws Exception {
        JobClient job = environment(config, testSinks, false).executeAsync("bronze-ingest-" + name);
        long rows = expected.bronzeTotal().accepted() + expected.bronzeTotal().quarantinedTotal();
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (BronzeContent.rowCount(config) < rows) {
                if (System.nanoTime() > deadline
                        || job.getJobStatus().get().isGloballyTerminalState()) {
                    throw new IllegalStateException(
                            "Bronze did not reach "
                                    + rows
                                    + " rows; job "
                                    + job.getJobStatus().get());
                }
                Thread.sleep(500);
            }
            Thread.sleep(config.get(StrataOptions.CHECKPOINT_INTERVAL).toMillis() * 3);
        } finally {
            job.cancel().get();
        }
    }

    private StreamExecutionEnvironment environment(
            Configuration config, BronzeSinks testSinks, boolean bounded) {
        StreamExecutionEnvironment env = StrataEnvironment.create(config);
        env.setParallelism(PARTITIONS);
        KafkaSourceBuilder<RawKafkaRecord> source =
                KafkaSources.rawRecords(
                        config,
                        Pattern.compile(Pattern.quote(topic)),
                        name,
                        OffsetsInitializer.earliest(),
                        Duration.ofMinutes(1));
        if (bounded) {
            source.setBounded(OffsetsInitializer.latest());
        }
        new BronzeIngestTopology(
                        config,
                        source.build(),
                        TenantControls.bounded(config, name),
                        BronzeSinks.all(List.of(BronzeIngestJob.sinks(config), testSinks)))
                .build(env);
        return env;
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }
}
