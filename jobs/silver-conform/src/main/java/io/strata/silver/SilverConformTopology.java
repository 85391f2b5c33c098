package io.strata.silver;

import io.strata.common.config.StrataOptions;
import io.strata.common.control.HoldPausedTenants;
import io.strata.common.control.OnlyTenants;
import io.strata.common.control.TenantControl;
import io.strata.common.control.TenantControlStream;
import io.strata.common.flink.SourceNames;
import io.strata.common.flink.Uids;
import io.strata.common.kafka.AvroTopics;
import io.strata.common.kafka.RawKafkaRecord;
import io.strata.common.lineage.LineageJobListener;
import io.strata.common.lineage.LineageRun;
import io.strata.common.manifest.ManifestTally;
import io.strata.common.manifest.Manifests;
import io.strata.common.manifest.QuarantineTallies;
import io.strata.model.Layer;
import io.strata.model.bronze.BronzeEvent;
import io.strata.model.ops.ManifestRecord;
import io.strata.model.ops.QuarantineRecord;
import io.strata.silver.bronzetable.BronzeTableInput;
import io.strata.silver.bronzetable.ReadBronzeRows;
import io.strata.silver.config.CanonicalEntity;
import io.strata.silver.sink.SilverSinks;
import io.strata.silver.sink.SilverTables;
import io.strata.silver.sink.SilverTopics;
import io.strata.silver.state.SequenceKey;
import io.strata.silver.state.SequenceSilverRows;
import io.strata.silver.state.SilverChange;
import io.strata.silver.state.SilverOutputs;
import io.strata.silver.tenants.BronzeEventKey;
import io.strata.silver.tenants.ConformBronzeEvents;
import io.strata.silver.tenants.ReadTenantConfigs;
import io.strata.silver.tenants.TenantConfigState;
import io.strata.silver.tenants.TenantConfigUpdate;
import io.strata.silver.tenants.TenantConfigWatermarks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamUtils;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.iceberg.catalog.TableIdentifier;

/**
 * The silver-conform graph: Bronze records → decode (poison to quarantine) → event-time watermarks
 * → hold paused tenants (tenant controls broadcast from the control topic; released in arrival
 * order on resume) → conform with the tenant rules in force (broadcast from the configuration
 * topic; unconfigured tenants wait; refusals to quarantine) → sequence per (tenant, entity, key)
 * with hash diffs → per-entity sinks, plus the manifest (per tenant, source and checkpoint, with
 * lineage to Bronze's; every row names the Silver manifest record that counts its event, for Gold's
 * lineage). Sources and sinks are injected, so tests run the same graph over their own.
 */
public final class SilverConformTopology {

    public static final String JOB = "silver-conform";
    public static final Uids UIDS = Uids.forJob(JOB);

    private final ReadableConfig config;
    private Map<String, TenantControl> initialControls = Map.of();
    private final Source<RawKafkaRecord, ?, ?> bronze;
    private final Source<RawKafkaRecord, ?, ?> tenantConfigs;
    private final Source<RawKafkaRecord, ?, ?> control;
    private final List<TenantConfigUpdate> startupConfigs;
    private final SilverSinks sinks;
    private BronzeTableInput bronzeTable;

    /**
     * @param bronze records of the Bronze events topic
     * @param tenantConfigs records of the tenant configuration topic
     * @param control records of the tenant control topic (pause/resume)
     * @param startupConfigs validated configurations the job starts with
     */
    public SilverConformTopology(
            ReadableConfig config,
            Source<RawKafkaRecord, ?, ?> bronze,
            Source<RawKafkaRecord, ?, ?> tenantConfigs,
            Source<RawKafkaRecord, ?, ?> control,
            List<TenantConfigUpdate> startupConfigs,
            SilverSinks sinks) {
        this.config = config;
        this.bronze = bronze;
        this.tenantConfigs = tenantConfigs;
        this.control = control;
        this.startupConfigs = List.copyOf(startupConfigs);
        this.sinks = sinks;
    }

    /**
     * The tenant controls in force when the job is built ({@code TenantControlTopic.current}): a
     * start without state holds paused tenants from its first record ({@link HoldPausedTenants}).
     */
    public SilverConformTopology withInitialControls(Map<String, TenantControl> controls) {
        this.initialControls = Map.copyOf(controls);
        return this;
    }

    /**
     * Reads Bronze events from Bronze's Iceberg table instead of the Bronze topics (a replay after
     * the topic's retention dropped its beginning); the topics' source is not used.
     */
    public SilverConformTopology withBronzeTable(BronzeTableInput input) {
        this.bronzeTable = input;
        return this;
    }

    /** Adds the graph to {@code env}. */
    public void build(StreamExecutionEnvironment env) {
        Optional<LineageRun> lineage = lineage(config);
        LineageJobListener.register(env, lineage);
        SingleOutputStreamOperator<BronzeEvent> decoded =
                bronzeTable == null ? fromTopics(env) : fromTable(env, bronzeTable);

        DataStream<BronzeEvent> events = decoded;
        List<String> only = config.get(SilverConformOptions.TENANTS);
        if (!only.isEmpty()) {
            events =
                    decoded.filter(new OnlyTenants<>(only, BronzeEvent::getTenantId))
                            .uid(UIDS.of("only-tenants"))
                            .name("Only tenants " + String.join(", ", only));
        }

        DataStream<BronzeEvent> timed =
                events.assignTimestampsAndWatermarks(watermarks())
                        .uid(UIDS.of("watermarks"))
                        .name("Event-time watermarks");

        BroadcastStream<TenantConfigUpdate> tenants =
                env.fromSource(
                                tenantConfigs,
                                TenantConfigWatermarks.alwaysIdle(),
                                "Tenant configuration topic")
                        .uid(UIDS.of("tenants-source"))
                        .process(new ReadTenantConfigs())
                        .returns(TenantConfigState.UPDATE_TYPE)
                        .uid(UIDS.of("tenants-validate"))
                        .name("Validate tenant configurations")
                        .broadcast(TenantConfigState.DESCRIPTOR);

        // Held before conform, keyed as conform is: a paused tenant's events are conformed
        // with the rules in force when it is resumed.
        SingleOutputStreamOperator<BronzeEvent> held =
                HoldPausedTenants.bronzeEvents(
                        timed.keyBy(new BronzeEventKey(), BronzeEventKey.TYPE),
                        TenantControlStream.broadcast(env, control, UIDS),
                        initialControls,
                        new AvroTypeInfo<>(BronzeEvent.class),
                        UIDS);

        SingleOutputStreamOperator<SilverChange> conformed =
                DataStreamUtils.reinterpretAsKeyedStream(
                                held, new BronzeEventKey(), BronzeEventKey.TYPE)
                        .connect(tenants)
                        .process(
                                new ConformBronzeEvents(
                                        startupConfigs,
                                        config.get(SilverConformOptions.UNKNOWN_TENANT_GRACE),
                                        JOB))
                        .returns(TypeInformation.of(SilverChange.class))
                        .uid(UIDS.of("conform"))
                        .name("Conform with tenant rules");

        SingleOutputStreamOperator<Void> sequenced =
                conformed
                        .keyBy(new SequenceKey(), SequenceKey.TYPE)
                        .process(new SequenceSilverRows(config.get(SilverConformOptions.STATE_TTL)))
                        .returns(Types.VOID)
                        .uid(UIDS.of("sequence"))
                        .name("Sequence rows, hash diff master data");

        for (CanonicalEntity entity : CanonicalEntity.values()) {
            sinks.rows(
                    entity,
                    sequenced.getSideOutput(SilverOutputs.of(entity)),
                    sequenced.getSideOutput(SilverOutputs.superseded(entity)),
                    UIDS);
        }
        DataStream<QuarantineRecord> poison = decoded.getSideOutput(DecodeBronzeEvents.POISON);
        sinks.quarantine(
                poison.union(conformed.getSideOutput(ConformBronzeEvents.QUARANTINE)), UIDS);
        sinks.manifest(
                manifest(
                        conformed,
                        held.getSideOutput(HoldPausedTenants.HELD_TALLIES),
                        poison,
                        lineage),
                UIDS);
    }

    private SingleOutputStreamOperator<BronzeEvent> fromTopics(StreamExecutionEnvironment env) {
        return env.fromSource(bronze, WatermarkStrategy.noWatermarks(), "Bronze events topic")
                .uid(UIDS.of("bronze-source"))
                .process(new DecodeBronzeEvents(AvroTopics.registry(config)))
                .returns(new AvroTypeInfo<>(BronzeEvent.class))
                .uid(UIDS.of("decode"))
                .name("Decode Bronze events");
    }

    private static SingleOutputStreamOperator<BronzeEvent> fromTable(
            StreamExecutionEnvironment env, BronzeTableInput input) {
        return env.fromSource(
                        input.source(),
                        WatermarkStrategy.noWatermarks(),
                        SourceNames.BRONZE_TABLE + input.description(),
                        input.rowType())
                .uid(UIDS.of("bronze-table-source"))
                .process(new ReadBronzeRows(input.schema(), input.description()))
                .returns(new AvroTypeInfo<>(BronzeEvent.class))
                .uid(UIDS.of("read-bronze-rows"))
                .name("Read Bronze rows");
    }

    /**
     * One manifest record per tenant, source and checkpoint window: the Bronze events conformed and
     * refused, with lineage to the Bronze manifest records that counted them, the events held for a
     * paused tenant (the window is PAUSED), and the unreadable records of the Bronze topic.
     */
    private static DataStream<ManifestRecord> manifest(
            SingleOutputStreamOperator<SilverChange> conformed,
            DataStream<ManifestTally> held,
            DataStream<QuarantineRecord> poison,
            Optional<LineageRun> lineage) {
        DataStream<ManifestTally> tallies =
                conformed
                        .getSideOutput(ConformBronzeEvents.TALLIES)
                        .union(
                                held,
                                poison.map(new QuarantineTallies())
                                        .uid(UIDS.of("tally-poison"))
                                        .name("Tally unreadable records"));
        return Manifests.of(
                tallies, Layer.SILVER, UIDS, new AvroTypeInfo<>(ManifestRecord.class), lineage);
    }

    /**
     * What silver-conform's OpenLineage events name: the Bronze topic in, the Silver entity tables
     * and quarantine table out, plus the silver.* topics and the manifest when it writes Kafka.
     */
    static Optional<LineageRun> lineage(ReadableConfig config) {
        List<TableIdentifier> tables = new ArrayList<>();
        List<String> topics = new ArrayList<>();
        for (CanonicalEntity entity : CanonicalEntity.values()) {
            tables.add(SilverTables.id(config, entity));
            topics.add(SilverTopics.of(config, entity));
        }
        tables.add(SilverTables.quarantineId(config));
        topics.add(config.get(SilverConformOptions.QUARANTINE_TOPIC));
        topics.add(config.get(StrataOptions.MANIFEST_TOPIC));
        return LineageRun.of(
                config,
                JOB,
                List.of(config.get(SilverConformOptions.INPUT_TOPIC)),
                tables,
                config.get(SilverConformOptions.KAFKA_OUTPUT_ENABLED) ? topics : List.of());
    }

    private WatermarkStrategy<BronzeEvent> watermarks() {
        return WatermarkStrategy.<BronzeEvent>forBoundedOutOfOrderness(
                        config.get(SilverConformOptions.OUT_OF_ORDERNESS))
                .withIdleness(config.get(SilverConformOptions.IDLENESS))
                .withTimestampAssigner((event, previous) -> event.getEventTime().toEpochMilli());
    }
}
