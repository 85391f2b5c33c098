package io.strata.bronze;

import io.strata.bronze.sink.BronzeSinks;
import io.strata.bronze.sink.IcebergBronzeSinks;
import io.strata.bronze.sink.KafkaBronzeSinks;
import io.strata.common.control.TenantControlStream;
import io.strata.common.control.TenantControlTopic;
import io.strata.common.flink.DeclaredOptions;
import io.strata.common.flink.JobConfig;
import io.strata.common.flink.StrataEnvironment;
import io.strata.common.kafka.KafkaSources;
import io.strata.common.kafka.RawKafkaRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/**
 * bronze-ingest: {@code flink run bronze-ingest.jar [--config file.yaml] [--key value ...]}. Wires
 * the production source and sinks; the graph is {@link BronzeIngestTopology}.
 */
public final class BronzeIngestJob {

    private BronzeIngestJob() {}

    public static void main(String[] args) throws Exception {
        Configuration config = JobConfig.fromArgs(args);
        DeclaredOptions.checkJob(config, BronzeIngestOptions.class, BronzeIngestOptions.PREFIX);
        TenantControlTopic.ensure(config);
        environment(config).execute(StrataEnvironment.jobName(config, BronzeIngestTopology.JOB));
    }

    /** The environment {@code main} executes: Strata's rules and the production graph. */
    public static StreamExecutionEnvironment environment(Configuration config) {
        StreamExecutionEnvironment env = StrataEnvironment.create(config);
        new BronzeIngestTopology(config, source(config), control(config), sinks(config))
                .withInitialControls(TenantControlTopic.current(config))
                .build(env);
        return env;
    }

    /** The Kafka source over the raw and CDC topics. */
    static KafkaSource<RawKafkaRecord> source(ReadableConfig config) {
        return KafkaSources.rawRecords(
                        config,
                        Pattern.compile(config.get(BronzeIngestOptions.TOPIC_PATTERN)),
                        config.get(BronzeIngestOptions.GROUP_ID),
                        startingOffsets(config.get(BronzeIngestOptions.START_FROM)),
                        config.get(BronzeIngestOptions.PARTITION_DISCOVERY))
                .build();
    }

    /** The tenant control topic, always read from its beginning. */
    static KafkaSource<RawKafkaRecord> control(ReadableConfig config) {
        return TenantControlStream.source(
                config,
                config.get(BronzeIngestOptions.GROUP_ID),
                config.get(BronzeIngestOptions.PARTITION_DISCOVERY));
    }

    /** Iceberg always; Kafka unless switched off. */
    static BronzeSinks sinks(ReadableConfig config) {
        List<BronzeSinks> sinks = new ArrayList<>();
        sinks.add(new IcebergBronzeSinks(config));
        if (config.get(BronzeIngestOptions.KAFKA_OUTPUT_ENABLED)) {
            sinks.add(new KafkaBronzeSinks(config));
        }
        return BronzeSinks.all(sinks);
    }

    private static OffsetsInitializer startingOffsets(BronzeIngestOptions.StartFrom from) {
        return switch (from) {
            case COMMITTED -> OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST);
            case EARLIEST -> OffsetsInitializer.earliest();
            case LATEST -> OffsetsInitializer.latest();
        };
    }
}
