package io.strata.quality;

import io.strata.common.flink.Uids;
import io.strata.common.kafka.AvroTopics;
import io.strata.common.kafka.RawKafkaRecord;
import io.strata.model.ops.Alert;
import io.strata.model.ops.ManifestRecord;
import io.strata.model.ops.QualityResult;
import io.strata.model.silver.Customer;
import io.strata.model.silver.Order;
import io.strata.quality.manifest.DecodeManifestRecords;
import io.strata.quality.reconcile.LineageClaim;
import io.strata.quality.reconcile.ReconcileBronzeWindows;
import io.strata.quality.reconcile.ReconcileSilverWindows;
import io.strata.quality.reconcile.RouteManifestRecords;
import io.strata.quality.reconcile.SilverEvidence;
import io.strata.quality.results.FindingsOfWindows;
import io.strata.quality.results.ResultAlerts;
import io.strata.quality.rules.QualityRules;
import io.strata.quality.silver.DecodeSilverRows;
import io.strata.quality.silver.RowProfile;
import io.strata.quality.silver.SilverEventTimes;
import io.strata.quality.sink.QualitySinks;
import io.strata.quality.tier2.OrphanOrders;
import io.strata.quality.tier2.ProfileWindows;
import io.strata.quality.tier3.DuplicateCustomers;
import io.strata.quality.tier3.IdentityClaim;
import io.strata.quality.tier3.IdentityClaims;
import io.strata.quality.tier3.OrderTotalOutliers;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The quality-async graph: manifest topic → decode (poison to quarantine) → route (BRONZE windows;
 * SILVER records' claims on them; SILVER windows; GOLD records' claims on their rows; the rest as
 * is) → reconcile each BRONZE window with its claims, keyed by its manifest id (status, alerts);
 * reconcile each SILVER window's rows, read back from the Silver topics Gold reads, with GOLD's
 * claims, and mark it with the findings concerning its rows, keyed by its manifest id (status,
 * alerts) → the consolidated manifest (upserted by manifest id) and the alerts. Off the hot path:
 * it reads the manifest, which every layer writes once per checkpoint, and the Silver topics.
 *
 * <p>Beside it, the Tier-2 and Tier-3 rules over the Silver topics (event time from each row's
 * {@code meta.event_time}, watermarks per partition): decode (poison to quarantine) → orphan orders
 * keyed by tenant and customer key; volume and null-rate windows keyed by tenant and entity (Tier
 * 2); order-total outliers keyed by tenant; duplicate customers keyed by tenant and normalized
 * identity (Tier 3) → the findings ({@code ops.quality_results}), each also an alert. Rules and
 * thresholds per tenant: {@link QualityRules}. The sources and sinks are injected, so tests run the
 * same graph over their own.
 */
public final class QualityAsyncTopology {

    public static final String JOB = "quality-async";
    public static final Uids UIDS = Uids.forJob(JOB);

    private final ReadableConfig config;
    private final Source<RawKafkaRecord, ?, ?> manifest;
    private final Source<RawKafkaRecord, ?, ?> silver;
    private final QualitySinks sinks;

    /**
     * @param manifest records of the manifest topic
     * @param silver records of the Silver topics
     */
    public QualityAsyncTopology(
            ReadableConfig config,
            Source<RawKafkaRecord, ?, ?> manifest,
            Source<RawKafkaRecord, ?, ?> silver,
            QualitySinks sinks) {
        this.config = config;
        this.manifest = manifest;
        this.silver = silver;
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

        SingleOutputStreamOperator<RowProfile> rows = silverRows(env);
        DataStream<QualityResult> results =
                qualityRules(
                        rows,
                        QualityRules.of(config),
                        config.get(QualityAsyncOptions.ARRIVAL_GRACE));

        DataStream<SilverEvidence> findings =
                results.flatMap(new FindingsOfWindows())
                        .returns(TypeInformation.of(SilverEvidence.class))
                        .uid(UIDS.of("findings-of-windows"))
                        .name("Findings per SILVER window");
        SingleOutputStreamOperator<ManifestRecord> silverWindows =
                bronze.getSideOutput(RouteManifestRecords.SILVER)
                        .keyBy(ManifestRecord::getManifestId, Types.STRING)
                        .connect(
                                rows.getSideOutput(DecodeSilverRows.ROWS)
                                        .union(
                                                bronze.getSideOutput(
                                                        RouteManifestRecords.GOLD_CLAIMS),
                                                findings)
                                        .keyBy((SilverEvidence e) -> e.silverId, Types.STRING))
                        .process(
                                new ReconcileSilverWindows(
                                        !config.get(
                                                        QualityAsyncOptions
                                                                .RECONCILIATION_GOLD_ENTITIES)
                                                .isEmpty(),
                                        config.get(QualityAsyncOptions.RECONCILIATION_WAIT),
                                        config.get(QualityAsyncOptions.RECONCILIATION_RETENTION)))
                        .returns(type)
                        .uid(UIDS.of("reconcile-silver"))
                        .name("Reconcile SILVER windows with GOLD; their findings");
        DataStream<Alert> qualityAlerts =
                results.map(new ResultAlerts(config.get(QualityAsyncOptions.SILVER_TOPIC_PREFIX)))
                        .returns(new AvroTypeInfo<>(Alert.class))
                        .uid(UIDS.of("quality-alerts"))
                        .name("Alerts of the quality findings");

        sinks.manifest(
                reconciled.union(silverWindows, bronze.getSideOutput(RouteManifestRecords.OTHERS)),
                UIDS);
        sinks.results(results, UIDS);
        sinks.alerts(
                reconciled
                        .getSideOutput(ReconcileBronzeWindows.ALERTS)
                        .union(
                                silverWindows.getSideOutput(ReconcileSilverWindows.ALERTS),
                                qualityAlerts),
                UIDS);
        sinks.quarantine(
                decoded.getSideOutput(DecodeManifestRecords.POISON)
                        .union(rows.getSideOutput(DecodeSilverRows.POISON)),
                UIDS);
    }

    /** The Silver topics' live rows as profiles, with orders and customers on side outputs. */
    private SingleOutputStreamOperator<RowProfile> silverRows(StreamExecutionEnvironment env) {
        return env.fromSource(
                        silver,
                        SilverEventTimes.watermarks(config, AvroTopics.registry(config)),
                        "Silver topics")
                .uid(UIDS.of("silver-source"))
                .process(
                        new DecodeSilverRows(
                                JOB,
                                AvroTopics.registry(config),
                                config.get(QualityAsyncOptions.SILVER_TOPIC_PREFIX),
                                config.get(QualityAsyncOptions.RECONCILIATION_GOLD_ENTITIES)))
                .returns(Types.POJO(RowProfile.class))
                .uid(UIDS.of("silver-decode"))
                .name("Decode Silver rows");
    }

    /** Every rule's findings. */
    private static DataStream<QualityResult> qualityRules(
            SingleOutputStreamOperator<RowProfile> rows,
            QualityRules rules,
            java.time.Duration arrivalGrace) {
        AvroTypeInfo<QualityResult> type = new AvroTypeInfo<>(QualityResult.class);
        DataStream<Order> orders = rows.getSideOutput(DecodeSilverRows.ORDERS);
        DataStream<Customer> customers = rows.getSideOutput(DecodeSilverRows.CUSTOMERS);

        SingleOutputStreamOperator<QualityResult> orphans =
                orders.filter(o -> o.getCustomerKey() != null)
                        .uid(UIDS.of("orders-with-customer"))
                        .name("Orders naming a customer")
                        .keyBy(
                                (Order o) ->
                                        OrphanOrders.key(
                                                o.getMeta().getTenantId(), o.getCustomerKey()),
                                Types.STRING)
                        .connect(
                                customers.keyBy(
                                        (Customer c) ->
                                                OrphanOrders.key(
                                                        c.getMeta().getTenantId(),
                                                        c.getCustomerKey()),
                                        Types.STRING))
                        .process(new OrphanOrders(rules, arrivalGrace))
                        .returns(type)
                        .uid(UIDS.of("referential-integrity"))
                        .name("Tier 2: orders without their customer");

        SingleOutputStreamOperator<QualityResult> profiles =
                rows.keyBy(RowProfile::tenantEntity, Types.STRING)
                        .process(new ProfileWindows(rules))
                        .returns(type)
                        .uid(UIDS.of("profile-windows"))
                        .name("Tier 2: volume and null rate per window");

        SingleOutputStreamOperator<QualityResult> outliers =
                orders.keyBy((Order o) -> o.getMeta().getTenantId(), Types.STRING)
                        .process(new OrderTotalOutliers(rules))
                        .returns(type)
                        .uid(UIDS.of("order-total-outliers"))
                        .name("Tier 3: order-total outliers");

        SingleOutputStreamOperator<QualityResult> duplicates =
                customers
                        .flatMap(new IdentityClaims(rules))
                        .returns(Types.POJO(IdentityClaim.class))
                        .uid(UIDS.of("customer-identities"))
                        .name("Customer identities")
                        .keyBy(IdentityClaim::groupKey, Types.STRING)
                        .process(new DuplicateCustomers())
                        .returns(type)
                        .uid(UIDS.of("duplicate-customers"))
                        .name("Tier 3: duplicate customers");

        return orphans.union(profiles, outliers, duplicates);
    }
}
