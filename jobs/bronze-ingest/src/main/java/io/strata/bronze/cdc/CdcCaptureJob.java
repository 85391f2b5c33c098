package io.strata.bronze.cdc;

import io.strata.common.config.StrataOptions;
import io.strata.common.flink.DeclaredOptions;
import io.strata.common.flink.JobConfig;
import io.strata.common.flink.StrataEnvironment;
import io.strata.common.kafka.KafkaSinks;
import java.util.Set;
import org.apache.flink.configuration.Configuration;
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
        DeclaredOptions.of(CdcCaptureOptions.class)
                .checkKnown(config, Set.of(CdcCaptureOptions.PREFIX), Set.of());
        if (config.get(CdcCaptureOptions.CREATE_TOPICS)) {
            CdcTopics.createMissing(config);
        }
        environment(config).execute(StrataEnvironment.jobName(config, CdcCaptureTopology.JOB));
    }

    /** The environment {@code main} executes: Strata's rules and the production graph. */
    public static StreamExecutionEnvironment environment(Configuration config) {
        StreamExecutionEnvironment env = StrataEnvironment.create(config);
        new CdcCaptureTopology(config, PostgresCdcSource.create(config), sink(config)).build(env);
        return env;
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
