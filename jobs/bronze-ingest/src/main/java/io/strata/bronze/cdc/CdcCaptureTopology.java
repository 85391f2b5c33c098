package io.strata.bronze.cdc;

import io.strata.common.flink.Uids;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The cdc-capture graph: Postgres changes → Kafka records (a tombstone after each delete) → the
 * {@code cdc.*} topics. Source and sink are injected, so tests run the same graph over their own.
 *
 * <p>Everything runs with parallelism 1: one replication slot has one reader, and keeping the
 * records in WAL order through a forward chain keeps every row's changes in order on its topic.
 */
public final class CdcCaptureTopology {

    public static final String JOB = "cdc-capture";
    public static final Uids UIDS = Uids.forJob(JOB);

    /** One slot, one reader; see the class comment. */
    public static final int PARALLELISM = 1;

    private final ReadableConfig config;
    private final Source<ChangeEvent, ?, ?> source;
    private final Sink<KafkaChangeRecord> sink;

    public CdcCaptureTopology(
            ReadableConfig config, Source<ChangeEvent, ?, ?> source, Sink<KafkaChangeRecord> sink) {
        this.config = config;
        this.source = source;
        this.sink = sink;
    }

    /** Adds the graph to {@code env}. */
    public void build(StreamExecutionEnvironment env) {
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "Postgres changes (pgoutput)")
                .setParallelism(PARALLELISM)
                .uid(UIDS.of("postgres-source"))
                .flatMap(new ToKafkaRecords(config.get(CdcCaptureOptions.TOPIC_PREFIX)))
                .returns(KafkaChangeRecord.TYPE)
                .setParallelism(PARALLELISM)
                .uid(UIDS.of("to-kafka-records"))
                .name("Route to topics, tombstone deletes")
                .sinkTo(sink)
                .setParallelism(PARALLELISM)
                .uid(UIDS.of("kafka-sink"))
                .name("cdc.* topics");
    }
}
