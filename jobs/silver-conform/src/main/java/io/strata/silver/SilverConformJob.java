package io.strata.silver;

import io.strata.common.control.TenantControlStream;
import io.strata.common.control.TenantControlTopic;
import io.strata.common.flink.DeclaredOptions;
import io.strata.common.flink.JobConfig;
import io.strata.common.flink.StrataEnvironment;
import io.strata.common.kafka.KafkaSources;
import io.strata.common.kafka.RawKafkaRecord;
import io.strata.common.kafka.StartingOffsets;
import io.strata.silver.bronzetable.BronzeTableInput;
import io.strata.silver.sink.IcebergSilverSinks;
import io.strata.silver.sink.KafkaSilverSinks;
import io.strata.silver.sink.SilverSinks;
import io.strata.silver.tenants.TenantConfigDirectory;
import io.strata.silver.tenants.TenantConfigUpdate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * silver-conform: {@code flink run silver-conform.jar [--config file.yaml] [--key value ...]}.
 * Reads and validates the start-up tenant configurations (a bad rule fails here, with its file and
 * line), wires the production sources and sinks; the graph is {@link SilverConformTopology}.
 */
public final class SilverConformJob {

    private SilverConformJob() {}

    public static void main(String[] args) throws Exception {
        Configuration config = JobConfig.fromArgs(args);
        DeclaredOptions.checkJob(config, SilverConformOptions.class, SilverConformOptions.PREFIX);
        StreamExecutionEnvironment env = environment(config);
        TenantControlTopic.ensure(config);
        env.execute(StrataEnvironment.jobName(config, SilverConformTopology.JOB));
    }

    /**
     * The environment {@code main} executes: Strata's rules and the production graph, with the
     * start-up tenant configurations read and validated (a bad rule fails here).
     */
    public static StreamExecutionEnvironment environment(Configuration config) {
        List<TenantConfigUpdate> startup = startupConfigs(config);
        StreamExecutionEnvironment env = StrataEnvironment.create(config);
        SilverConformTopology topology =
                new SilverConformTopology(
                                config,
                                bronzeSource(config),
                                tenantSource(config),
                                controlSource(config),
                                startup,
                                sinks(config))
                        .withInitialControls(TenantControlTopic.current(config));
        BronzeTableInput.of(config).ifPresent(topology::withBronzeTable);
        topology.build(env);
        return env;
    }

    /** The configured directory's tenant configurations, validated; none without a directory. */
    public static List<TenantConfigUpdate> startupConfigs(ReadableConfig config) {
        return config.getOptional(SilverConformOptions.TENANTS_DIRECTORY)
                .map(dir -> TenantConfigDirectory.load(Path.of(dir)))
                .orElse(List.of());
    }

    /** The Kafka source of the Bronze events topic and the reprocess topic. */
    public static KafkaSource<RawKafkaRecord> bronzeSource(ReadableConfig config) {
        return KafkaSources.rawRecords(
                        config,
                        Pattern.compile(
                                Pattern.quote(config.get(SilverConformOptions.INPUT_TOPIC))
                                        + "|"
                                        + Pattern.quote(
                                                config.get(SilverConformOptions.REPROCESS_TOPIC))),
                        config.get(SilverConformOptions.GROUP_ID),
                        StartingOffsets.of(
                                config.get(SilverConformOptions.START_FROM),
                                config.get(SilverConformOptions.START_TIMESTAMP),
                                config.get(SilverConformOptions.START_OFFSETS)),
                        config.get(SilverConformOptions.PARTITION_DISCOVERY))
                .build();
    }

    /** The Kafka source of the tenant configuration topic, always read from its beginning. */
    public static KafkaSource<RawKafkaRecord> tenantSource(ReadableConfig config) {
        return KafkaSources.rawRecords(
                        config,
                        Pattern.compile(
                                Pattern.quote(config.get(SilverConformOptions.TENANTS_TOPIC))),
                        config.get(SilverConformOptions.GROUP_ID) + "-tenants",
                        OffsetsInitializer.earliest(),
                        config.get(SilverConformOptions.PARTITION_DISCOVERY))
                .build();
    }

    /** The Kafka source of the tenant control topic (pause/resume), from its beginning. */
    public static KafkaSource<RawKafkaRecord> controlSource(ReadableConfig config) {
        return TenantControlStream.source(
                config,
                config.get(SilverConformOptions.GROUP_ID),
                config.get(SilverConformOptions.PARTITION_DISCOVERY));
    }

    /** Iceberg always; Kafka unless switched off. */
    public static SilverSinks sinks(ReadableConfig config) {
        List<SilverSinks> sinks = new ArrayList<>();
        sinks.add(new IcebergSilverSinks(config));
        if (config.get(SilverConformOptions.KAFKA_OUTPUT_ENABLED)) {
            sinks.add(new KafkaSilverSinks(config));
        }
        return SilverSinks.all(sinks);
    }
}
