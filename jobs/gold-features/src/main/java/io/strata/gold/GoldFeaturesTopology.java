package io.strata.gold;

import io.strata.common.config.StrataOptions;
import io.strata.common.control.OnlyTenants;
import io.strata.common.flink.Uids;
import io.strata.common.iceberg.IcebergCatalogs;
import io.strata.common.kafka.AvroTopics;
import io.strata.common.kafka.RawKafkaRecord;
import io.strata.common.lineage.LineageJobListener;
import io.strata.common.lineage.LineageRun;
import io.strata.common.manifest.ManifestTally;
import io.strata.common.manifest.Manifests;
import io.strata.common.manifest.QuarantineTallies;
import io.strata.gold.features.FeatureSinks;
import io.strata.gold.features.FeaturesGraph;
import io.strata.gold.input.DecodeSilverRows;
import io.strata.gold.input.SilverStreams;
import io.strata.gold.sink.ManifestSink;
import io.strata.gold.sink.QuarantineSink;
import io.strata.gold.vault.VaultGraph;
import io.strata.gold.vault.VaultSinks;
import io.strata.model.Layer;
import io.strata.model.ops.ManifestRecord;
import io.strata.model.ops.QuarantineRecord;
import java.util.List;
import java.util.Optional;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;

/**
 * The gold-features graph: Silver topics → decode per entity (poison to quarantine) → the Data
 * Vault (hubs, links, satellites) and, in event time, the customer features (history, current,
 * topic), plus the manifest (per tenant, Silver topic and checkpoint, with lineage to Silver's).
 * Definitions: {@code docs/gold.md}. Sources and sinks are injected, so tests run the same graph
 * over their own.
 */
public final class GoldFeaturesTopology {

    public static final String JOB = "gold-features";
    public static final Uids UIDS = Uids.forJob(JOB);

    private final ReadableConfig config;
    private final Source<RawKafkaRecord, ?, ?> silver;
    private final VaultSinks vaultSinks;
    private final FeatureSinks featureSinks;
    private final QuarantineSink quarantineSink;
    private final ManifestSink manifestSink;

    public GoldFeaturesTopology(
            ReadableConfig config,
            Source<RawKafkaRecord, ?, ?> silver,
            VaultSinks vaultSinks,
            FeatureSinks featureSinks,
            QuarantineSink quarantineSink,
            ManifestSink manifestSink) {
        this.config = config;
        this.silver = silver;
        this.vaultSinks = vaultSinks;
        this.featureSinks = featureSinks;
        this.quarantineSink = quarantineSink;
        this.manifestSink = manifestSink;
    }

    /**
     * Adds the graph to {@code env}, and turns on object reuse: without it every hop between
     * chained operators deep-copies the Avro row (a twelfth of the features operator's CPU in
     * {@code ./strata bench}'s profile, more where one Silver row feeds several vault tables). The
     * graph is safe for it: each operator emits objects it made, or rows it read and never changes;
     * no consumer of the decoded Silver rows or of the feature rows changes what it receives; and
     * what is held in state arrived over the network (never reused).
     */
    public void build(StreamExecutionEnvironment env) {
        env.getConfig().enableObjectReuse();
        SingleOutputStreamOperator<Void> decoded = decodedSilver(env);
        SilverStreams streams = SilverStreams.of(decoded);

        VaultGraph.build(streams, config, vaultSinks, UIDS);
        DataStream<QuarantineRecord> late =
                FeaturesGraph.build(streams, config, featureSinks, UIDS);

        quarantineSink.quarantine(decoded.getSideOutput(DecodeSilverRows.POISON).union(late), UIDS);
        manifest(decoded);
    }

    /**
     * One manifest record per tenant, Silver topic and checkpoint window: the row versions read,
     * with lineage to the Silver manifest records that counted their Bronze events, and the
     * unreadable records; to the manifest sink. Tests of one part of the graph add it to theirs.
     */
    void manifest(SingleOutputStreamOperator<Void> decoded) {
        DataStream<ManifestTally> tallies =
                decoded.getSideOutput(DecodeSilverRows.TALLIES)
                        .union(
                                decoded.getSideOutput(DecodeSilverRows.POISON)
                                        .map(new QuarantineTallies())
                                        .uid(UIDS.of("tally-poison"))
                                        .name("Tally unreadable records"));
        Optional<LineageRun> lineage = lineage(config);
        LineageJobListener.register(decoded.getExecutionEnvironment(), lineage);
        manifestSink.manifest(
                Manifests.of(
                        tallies,
                        Layer.GOLD,
                        UIDS,
                        new AvroTypeInfo<>(ManifestRecord.class),
                        lineage),
                UIDS);
    }

    /**
     * What gold-features' OpenLineage events name: the silver.* topics in (per checkpoint, from the
     * offsets read), every table of the Gold namespace out (the vault's and the features', as the
     * sinks created them before the graph), plus its topics when it writes Kafka.
     */
    static Optional<LineageRun> lineage(ReadableConfig config) {
        if (LineageRun.url(config).isEmpty()) {
            return Optional.empty();
        }
        List<TableIdentifier> tables =
                IcebergCatalogs.load(config)
                        .listTables(Namespace.of(config.get(GoldFeaturesOptions.NAMESPACE)));
        List<String> topics =
                config.get(GoldFeaturesOptions.KAFKA_OUTPUT_ENABLED)
                        ? List.of(
                                config.get(GoldFeaturesOptions.FEATURES_TOPIC),
                                config.get(GoldFeaturesOptions.QUARANTINE_TOPIC),
                                config.get(StrataOptions.MANIFEST_TOPIC))
                        : List.of();
        return LineageRun.of(config, JOB, List.of(), tables, topics);
    }

    /**
     * The Silver source and its decoder, whose side outputs are the {@link SilverStreams}; tests of
     * one part of the graph build it on these.
     */
    SingleOutputStreamOperator<Void> decodedSilver(StreamExecutionEnvironment env) {
        DataStream<RawKafkaRecord> records =
                env.fromSource(silver, WatermarkStrategy.noWatermarks(), "Silver topics")
                        .uid(UIDS.of("silver-source"));
        List<String> only = config.get(GoldFeaturesOptions.TENANTS);
        if (!only.isEmpty()) {
            records =
                    records.filter(new OnlyTenants<>(only, OnlyTenants::ofKafkaKey))
                            .uid(UIDS.of("only-tenants"))
                            .name("Only tenants " + String.join(", ", only));
        }
        return records.process(
                        new DecodeSilverRows(
                                AvroTopics.registry(config),
                                config.get(GoldFeaturesOptions.INPUT_TOPIC_PREFIX)))
                .returns(Types.VOID)
                .uid(UIDS.of("decode"))
                .name("Decode Silver rows");
    }
}
