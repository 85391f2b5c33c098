package io.strata.gold;

import io.strata.common.flink.DeclaredOptions;
import io.strata.common.flink.JobConfig;
import io.strata.common.flink.StrataEnvironment;
import io.strata.common.kafka.KafkaSources;
import io.strata.common.kafka.RawKafkaRecord;
import io.strata.common.kafka.StartingOffsets;
import io.strata.gold.features.FeatureSinks;
import io.strata.gold.input.SilverEntity;
import io.strata.gold.sink.GoldManifest;
import io.strata.gold.sink.GoldQuarantine;
import io.strata.gold.sink.IcebergFeatureSinks;
import io.strata.gold.sink.KafkaFeatureSinks;
import io.strata.gold.sink.ManifestSink;
import io.strata.gold.sink.QuarantineSink;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * gold-features: {@code flink run gold-features.jar [--config file.yaml] [--key value ...]}. Wires
 * the production source (the Silver topics) and sinks; the graph is {@link GoldFeaturesTopology}.
 */
public final class GoldFeaturesJob {

    private GoldFeaturesJob() {}

    public static void main(String[] args) throws Exception {
        Configuration config = JobConfig.fromArgs(args);
        DeclaredOptions.checkJob(config, GoldFeaturesOptions.class, GoldFeaturesOptions.PREFIX);
        environment(config).execute(StrataEnvironment.jobName(config, GoldFeaturesTopology.JOB));
    }

    /** The environment {@code main} executes: Strata's rules and the production graph. */
    public static StreamExecutionEnvironment environment(Configuration config) {
        StreamExecutionEnvironment env = StrataEnvironment.create(config);
        topology(config).build(env);
        return env;
    }

    /** The graph with the production source and sinks. */
    public static GoldFeaturesTopology topology(ReadableConfig config) {
        QuarantineSink quarantine =
                config.get(GoldFeaturesOptions.KAFKA_OUTPUT_ENABLED)
                        ? QuarantineSink.all(
                                GoldQuarantine.iceberg(config), GoldQuarantine.kafka(config))
                        : GoldQuarantine.iceberg(config);
        return new GoldFeaturesTopology(
                config,
                silverSource(config),
                vaultSinks(config),
                featureSinks(config),
                quarantine,
                manifestSink(config));
    }

    /** The manifest topic, unless Kafka output is off. */
    public static ManifestSink manifestSink(ReadableConfig config) {
        return config.get(GoldFeaturesOptions.KAFKA_OUTPUT_ENABLED)
                ? GoldManifest.kafka(config)
                : ManifestSink.none();
    }

    /** One Kafka source over every Silver topic Gold reads. */
    public static KafkaSource<RawKafkaRecord> silverSource(ReadableConfig config) {
        String prefix = config.get(GoldFeaturesOptions.INPUT_TOPIC_PREFIX);
        String topics =
                Arrays.stream(SilverEntity.values())
                        .map(e -> Pattern.quote(prefix + e.entityName()))
                        .collect(Collectors.joining("|"));
        return KafkaSources.rawRecords(
                        config,
                        Pattern.compile(topics),
                        config.get(GoldFeaturesOptions.GROUP_ID),
                        StartingOffsets.of(
                                config.get(GoldFeaturesOptions.START_FROM),
                                config.get(GoldFeaturesOptions.START_TIMESTAMP),
                                config.get(GoldFeaturesOptions.START_OFFSETS)),
                        config.get(GoldFeaturesOptions.PARTITION_DISCOVERY))
                .build();
    }

    static io.strata.gold.vault.VaultSinks vaultSinks(ReadableConfig config) {
        return new io.strata.gold.vault.IcebergVaultSinks(config);
    }

    /** Iceberg always (history and current rows); the features topic unless Kafka is off. */
    public static FeatureSinks featureSinks(ReadableConfig config) {
        List<FeatureSinks> sinks = new ArrayList<>();
        sinks.add(new IcebergFeatureSinks(config));
        if (config.get(GoldFeaturesOptions.KAFKA_OUTPUT_ENABLED)) {
            sinks.add(new KafkaFeatureSinks(config));
        }
        return FeatureSinks.all(sinks);
    }
}
