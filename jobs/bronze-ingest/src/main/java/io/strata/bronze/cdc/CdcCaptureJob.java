package io.strata.bronze.cdc;

import io.strata.common.config.StrataOptions;
import io.strata.common.flink.DeclaredOptions;
import io.strata.common.flink.JobConfig;
import io.strata.common.flink.StrataEnvironment;
import io.strata.common.kafka.KafkaSinks;
import io.strata.common.lineage.LineageDataset;
import io.strata.common.lineage.LineageJobListener;
import io.strata.common.lineage.LineageRun;
import java.util.List;
import java.util.Optional;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * cdc-capture: {@code flink run -c io.strata.bronze.cdc.CdcCaptureJob bronze-ingest.jar [--config
 * file.yaml] [--key value ...]}. Its own job, not part of bronze-ingest, because the replication
 * slot's lifecycle (creation, restarts, WAL retention, dropping) is independent of ingest's
 * upgrades and replays. Wires the production source and sink; the graph is {@link
 * CdcCaptureTopology}.
 */
public final class CdcCaptureJob {

    private CdcCaptureJob() {}

    public static void main(String[] args) throws Exception {
        Configuration config = JobConfig.fromArgs(args);
        DeclaredOptions.checkJob(config, CdcCaptureOptions.class, CdcCaptureOptions.PREFIX);
        if (config.get(CdcCaptureOptions.CREATE_TOPICS)) {
            CdcTopics.createMissing(config);
        }
        environment(config).execute(StrataEnvironment.jobName(config, CdcCaptureTopology.JOB));
    }

    /** The environment {@code main} executes: Strata's rules and the production graph. */
    public static StreamExecutionEnvironment environment(Configuration config) {
        StreamExecutionEnvironment env = StrataEnvironment.create(config);
        new CdcCaptureTopology(config, PostgresCdcSource.create(config), sink(config)).build(env);
        LineageJobListener.register(env, lineage(config));
        return env;
    }

    /**
     * What cdc-capture's OpenLineage events name: the captured Postgres tables in, their {@code
     * cdc.*} topics out (only tables named plainly: which tables a pattern matches, and so their
     * topics, is known only once they are written to). START and COMPLETE/FAIL only: the job writes
     * no manifest windows, which is where the other jobs send RUNNING on checkpoints.
     */
    static Optional<LineageRun> lineage(ReadableConfig config) {
        String host = config.get(CdcCaptureOptions.HOSTNAME);
        int port = config.get(CdcCaptureOptions.PORT);
        String database = config.get(CdcCaptureOptions.DATABASE);
        List<LineageDataset> tables =
                CdcTopics.plainTables(config).stream()
                        .map(table -> LineageDataset.postgres(host, port, database, table))
                        .toList();
        return LineageRun.of(
                        config,
                        CdcCaptureTopology.JOB,
                        List.of(),
                        List.of(),
                        CdcTopics.names(config))
                .map(run -> run.withInputs(tables));
    }

    /** The transactional (by default) sink into the {@code cdc.*} topics. */
    public static KafkaSink<KafkaChangeRecord> sink(Configuration config) {
        Configuration sinkConfig = new Configuration(config);
        sinkConfig.set(StrataOptions.KAFKA_DELIVERY, config.get(CdcCaptureOptions.DELIVERY));
        return KafkaSinks.create(
                sinkConfig,
                config.get(CdcCaptureOptions.TRANSACTIONAL_ID_PREFIX),
                new KafkaChangeRecordSerializer());
    }
}
