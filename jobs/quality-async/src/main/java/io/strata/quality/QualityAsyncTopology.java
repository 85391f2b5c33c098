package io.strata.quality;

import io.strata.common.flink.Uids;
import io.strata.common.kafka.AvroTopics;
import io.strata.common.kafka.RawKafkaRecord;
import io.strata.model.ops.ManifestRecord;
import io.strata.quality.manifest.DecodeManifestRecords;
import io.strata.quality.reconcile.LineageClaim;
import io.strata.quality.reconcile.ReconcileBronzeWindows;
import io.strata.quality.reconcile.RouteManifestRecords;
import io.strata.quality.sink.QualitySinks;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The quality-async graph: manifest topic → decode (poison to quarantine) → route (BRONZE windows;
 * SILVER records' claims on them; the rest as is) → reconcile each BRONZE window with its claims,
 * keyed by its manifest id (status, alerts) → the consolidated manifest (upserted by manifest id)
 * and the alerts. Off the hot path: it reads only the manifest, which every layer writes once per
 * checkpoint. The source and sinks are injected, so tests run the same graph over their own.
 */
public final class QualityAsyncTopology {

    public static final String JOB = "quality-async";
    public static final Uids UIDS = Uids.forJob(JOB);

    private final ReadableConfig config;
    private final Source<RawKafkaRecord, ?, ?> manifest;
    private final QualitySinks sinks;

    /**
     * @param manifest records of the manifest topic
     */
    public QualityAsyncTopology(
            ReadableConfig config, Source<RawKafkaRecord, ?, ?> manifest, QualitySinks sinks) {
        this.config = config;
        this.manifest = manifest;
        this.sinks = sinks;
    }

    /** Adds the graph to {@code env}. */
    public void build(StreamExecutionEnvironment env) {
        AvroTypeInfo<ManifestRecord> type = new AvroTypeInfo<>(ManifestRecord.class);
        SingleOutputStreamOperator<ManifestRecord> decoded =
                env.fromSource(manifest, WatermarkStrategy.noWatermarks(), "Manifest topic")
                        .uid(UIDS.of("manifest-source"))
                        .process(new DecodeManifestRecords(JOB, AvroTopics.registry(config)))
                        .returns(type)
                        .uid(UIDS.of("decode"))
                        .name("Decode manifest records");

        SingleOutputStreamOperator<ManifestRecord> bronze =
                decoded.process(new RouteManifestRecords())
                        .returns(type)
                        .uid(UIDS.of("route"))
                        .name("Route BRONZE windows and SILVER claims");

        SingleOutputStreamOperator<ManifestRecord> reconciled =
                bronze.keyBy(ManifestRecord::getManifestId, Types.STRING)
                        .connect(
                                bronze.getSideOutput(RouteManifestRecords.CLAIMS)
                                        .keyBy((LineageClaim c) -> c.bronzeId, Types.STRING))
                        .process(
                                new ReconcileBronzeWindows(
                                        config.get(QualityAsyncOptions.RECONCILIATION_WAIT),
                                        config.get(QualityAsyncOptions.RECONCILIATION_RETENTION)))
                        .returns(type)
                        .uid(UIDS.of("reconcile"))
                        .name("Reconcile BRONZE windows with SILVER");

        sinks.manifest(reconciled.union(bronze.getSideOutput(RouteManifestRecords.OTHERS)), UIDS);
        sinks.alerts(reconciled.getSideOutput(ReconcileBronzeWindows.ALERTS), UIDS);
        sinks.quarantine(decoded.getSideOutput(DecodeManifestRecords.POISON), UIDS);
    }
}
