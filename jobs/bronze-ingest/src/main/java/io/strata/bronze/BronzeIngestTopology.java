package io.strata.bronze;

import io.strata.bronze.dedupe.DeduplicateByEventId;
import io.strata.bronze.dedupe.TenantEventKey;
import io.strata.bronze.manifest.BronzeTallies;
import io.strata.bronze.manifest.StampManifestIds;
import io.strata.bronze.parse.ParseEnvelopes;
import io.strata.bronze.parse.ParserSettings;
import io.strata.bronze.sink.BronzeSinks;
import io.strata.bronze.sink.BronzeTables;
import io.strata.bronze.time.BronzeWatermarks;
import io.strata.bronze.time.FlagLateEvents;
import io.strata.common.config.StrataOptions;
import io.strata.common.control.HoldPausedTenants;
import io.strata.common.control.TenantControl;
import io.strata.common.control.TenantControlStream;
import io.strata.common.flink.Uids;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamUtils;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The bronze-ingest graph: raw records → parse (refusals to quarantine) → flag late events →
 * watermarks → hold paused tenants (tenant controls broadcast from the control topic) → dedupe by
 * (tenant, event id) → sinks, plus the manifest (per tenant, topic and checkpoint) of what was
 * accepted, held, dropped and quarantined. Sources and sinks are injected, so tests run the same
 * graph over their own.
 *
 * <p>The hold sits before dedupe, keyed as dedupe is, so a paused tenant's copies are judged when
 * released; lateness is flagged before it, by arrival, so a held event is not made late by the time
 * it waited.
 */
public final class BronzeIngestTopology {

    public static final String JOB = "bronze-ingest";
    public static final Uids UIDS = Uids.forJob(JOB);

    private final ReadableConfig config;
    private Map<String, TenantControl> initialControls = Map.of();
    private final Source<RawKafkaRecord, ?, ?> source;
    private final Source<RawKafkaRecord, ?, ?> control;
    private final BronzeSinks sinks;

    /**
     * @param source records of the raw and CDC topics
     * @param control records of the tenant control topic
     */
    public BronzeIngestTopology(
            ReadableConfig config,
            Source<RawKafkaRecord, ?, ?> source,
            Source<RawKafkaRecord, ?, ?> control,
            BronzeSinks sinks) {
        this.config = config;
        this.source = source;
        this.control = control;
        this.sinks = sinks;
    }

    /**
     * The tenant controls in force when the job is built ({@code TenantControlTopic.current}): a
     * start without state holds paused tenants from its first record ({@link HoldPausedTenants}).
     */
    public BronzeIngestTopology withInitialControls(Map<String, TenantControl> controls) {
        this.initialControls = Map.copyOf(controls);
        return this;
    }

    /**
     * Adds the graph to {@code env}, and turns on object reuse: without it every hop between
     * chained operators deep-copies the Avro event (a fifth of the job's CPU in {@code ./strata
     * bench}'s profile). The graph is safe for it: each operator emits objects it made or was given
     * and does not touch them after emitting, no two consumers of one output change what they
     * receive, and what is held in state arrived over the network (never reused).
     */
    public void build(StreamExecutionEnvironment env) {
        env.getConfig().enableObjectReuse();
        Optional<LineageRun> lineage = lineage(config);
        LineageJobListener.register(env, lineage);
        DataStream<RawKafkaRecord> raw =
                env.fromSource(source, WatermarkStrategy.noWatermarks(), "Raw and CDC topics")
                        .uid(UIDS.of("source"));

        SingleOutputStreamOperator<BronzeEvent> parsed =
                raw.process(new ParseEnvelopes(ParserSettings.from(config, JOB)))
                        .returns(new AvroTypeInfo<>(BronzeEvent.class))
                        .uid(UIDS.of("parse"))
                        .name("Parse envelopes");

        DataStream<BronzeEvent> timed =
                parsed.process(
                                new FlagLateEvents(
                                        config.get(BronzeIngestOptions.OUT_OF_ORDERNESS),
                                        config.get(BronzeIngestOptions.ALLOWED_LATENESS)))
                        .returns(new AvroTypeInfo<>(BronzeEvent.class))
                        .uid(UIDS.of("flag-late"))
                        .name("Flag late events")
                        .assignTimestampsAndWatermarks(
                                BronzeWatermarks.strategy(
                                        config.get(BronzeIngestOptions.OUT_OF_ORDERNESS),
                                        config.get(BronzeIngestOptions.IDLENESS)))
                        .uid(UIDS.of("watermarks"))
                        .name("Event-time watermarks");

        SingleOutputStreamOperator<BronzeEvent> held =
                HoldPausedTenants.bronzeEvents(
                        timed.keyBy(new TenantEventKey(), TenantEventKey.TYPE),
                        TenantControlStream.broadcast(env, control, UIDS),
                        initialControls,
                        new AvroTypeInfo<>(BronzeEvent.class),
                        UIDS);

        SingleOutputStreamOperator<BronzeEvent> unique =
                DataStreamUtils.reinterpretAsKeyedStream(
                                held, new TenantEventKey(), TenantEventKey.TYPE)
                        .process(
                                new DeduplicateByEventId(
                                        config.get(BronzeIngestOptions.DEDUPE_TTL)))
                        .returns(new AvroTypeInfo<>(BronzeEvent.class))
                        .uid(UIDS.of("dedupe"))
                        .name("Deduplicate by (tenant, event id)");

        SingleOutputStreamOperator<BronzeEvent> stamped =
                unique.process(new StampManifestIds(JOB))
                        .returns(new AvroTypeInfo<>(BronzeEvent.class))
                        .uid(UIDS.of("stamp-manifest"))
                        .name("Stamp manifest ids");

        DataStream<QuarantineRecord> quarantine = parsed.getSideOutput(ParseEnvelopes.QUARANTINE);
        DataStream<BronzeEvent> duplicates = unique.getSideOutput(DeduplicateByEventId.DUPLICATES);
        sinks.events(stamped, UIDS);
        sinks.quarantine(quarantine, UIDS);
        sinks.duplicates(duplicates, UIDS);
        sinks.manifest(
                manifest(
                        stamped.getSideOutput(StampManifestIds.TALLIES)
                                .union(held.getSideOutput(HoldPausedTenants.HELD_TALLIES)),
                        duplicates,
                        quarantine,
                        lineage),
                UIDS);
    }

    /** One manifest record per tenant, source topic and checkpoint; PAUSED while it holds any. */
    private static DataStream<ManifestRecord> manifest(
            DataStream<ManifestTally> accepted,
            DataStream<BronzeEvent> duplicates,
            DataStream<QuarantineRecord> quarantine,
            Optional<LineageRun> lineage) {
        DataStream<ManifestTally> tallies =
                accepted.union(
                        duplicates
                                .map(new BronzeTallies.Duplicate())
                                .uid(UIDS.of("tally-duplicates"))
                                .name("Tally duplicates"),
                        quarantine
                                .map(new QuarantineTallies())
                                .uid(UIDS.of("tally-quarantine"))
                                .name("Tally quarantine"));
        return Manifests.of(
                tallies, Layer.BRONZE, UIDS, new AvroTypeInfo<>(ManifestRecord.class), lineage);
    }

    /**
     * What bronze-ingest's OpenLineage events name: its inputs are the topics its pattern matches,
     * named per checkpoint from the offsets it read; its outputs the Bronze tables and topics.
     */
    static Optional<LineageRun> lineage(ReadableConfig config) {
        List<String> topics = new ArrayList<>();
        if (config.get(BronzeIngestOptions.KAFKA_OUTPUT_ENABLED)) {
            topics.add(config.get(BronzeIngestOptions.EVENTS_TOPIC));
            topics.add(config.get(BronzeIngestOptions.QUARANTINE_TOPIC));
            topics.add(config.get(StrataOptions.MANIFEST_TOPIC));
        }
        return LineageRun.of(
                config,
                JOB,
                List.of(),
                List.of(BronzeTables.eventsId(config), BronzeTables.quarantineId(config)),
                topics);
    }
}
