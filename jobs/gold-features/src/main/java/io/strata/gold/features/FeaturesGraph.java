package io.strata.gold.features;

import io.strata.common.config.StrataOptions;
import io.strata.common.flink.Uids;
import io.strata.common.kafka.DeliveryMode;
import io.strata.gold.GoldFeaturesOptions;
import io.strata.gold.input.SilverStreams;
import io.strata.model.gold.CustomerFeatures;
import io.strata.model.ops.QuarantineRecord;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The customer-features part of the graph ({@code docs/gold.md}): orders, support tickets and
 * returns as input events, each stream with event time from {@code meta.event_time} and its own
 * watermark → attributed to customers per entity ({@link AttributeToCustomers}) → computed per
 * customer in event time ({@link ComputeCustomerFeatures}) → history and current rows to the {@link
 * FeatureSinks}.
 */
public final class FeaturesGraph {

    private static final Logger LOG = LoggerFactory.getLogger(FeaturesGraph.class);

    private FeaturesGraph() {}

    /** Adds the features; returns the events too late to apply, for the quarantine. */
    public static DataStream<QuarantineRecord> build(
            SilverStreams silver, ReadableConfig config, FeatureSinks sinks, Uids uids) {
        warnOfShortIdleness(config);
        WatermarkStrategy<CustomerEvent> eventTime =
                WatermarkStrategy.<CustomerEvent>forBoundedOutOfOrderness(
                                config.get(GoldFeaturesOptions.OUT_OF_ORDERNESS))
                        .withTimestampAssigner((e, previous) -> e.version.eventTime)
                        .withIdleness(config.get(GoldFeaturesOptions.IDLENESS));
        DataStream<CustomerEvent> versions =
                events(silver.orders(), CustomerEvents::of, InputKind.ORDER, eventTime, uids)
                        .union(
                                events(
                                        silver.tickets(),
                                        CustomerEvents::of,
                                        InputKind.TICKET,
                                        eventTime,
                                        uids),
                                events(
                                        silver.returns(),
                                        CustomerEvents::of,
                                        InputKind.RETURN,
                                        eventTime,
                                        uids));

        DataStream<CustomerEvent> attributed =
                versions.keyBy(FeatureKeys.ENTITY, FeatureKeys.TYPE)
                        .process(
                                new AttributeToCustomers(
                                        config.get(GoldFeaturesOptions.ALLOWED_LATENESS)),
                                CustomerEvent.TYPE)
                        .uid(uids.of("features-attribute"))
                        .name("Attribute versions to customers");
        SingleOutputStreamOperator<CustomerFeatures> history =
                attributed
                        .keyBy(FeatureKeys.CUSTOMER, FeatureKeys.TYPE)
                        .process(
                                new ComputeCustomerFeatures(
                                        uids.job(),
                                        config.get(GoldFeaturesOptions.ALLOWED_LATENESS),
                                        config.get(GoldFeaturesOptions.LATE_BATCH)),
                                new AvroTypeInfo<>(CustomerFeatures.class))
                        .uid(uids.of("features-compute"))
                        .name("Customer features");

        sinks.history(history, uids);
        sinks.current(history.getSideOutput(ComputeCustomerFeatures.CURRENT), uids);
        return history.getSideOutput(ComputeCustomerFeatures.TOO_LATE);
    }

    /**
     * Exactly-once Silver arrives once per checkpoint: an idleness under two checkpoint intervals
     * marks inputs idle between two commits (see {@link GoldFeaturesOptions#IDLENESS}).
     */
    private static void warnOfShortIdleness(ReadableConfig config) {
        Duration idleness = config.get(GoldFeaturesOptions.IDLENESS);
        Duration interval =
                config.getOptional(CheckpointingOptions.CHECKPOINTING_INTERVAL)
                        .orElse(config.get(StrataOptions.CHECKPOINT_INTERVAL));
        if (config.get(StrataOptions.KAFKA_DELIVERY) == DeliveryMode.EXACTLY_ONCE
                && idleness.compareTo(interval.multipliedBy(2)) < 0) {
            LOG.warn(
                    "{} is {}, under two checkpoint intervals ({}): exactly-once Silver arrives"
                            + " once per checkpoint, so inputs go idle between commits and the"
                            + " versions of the inputs read last in a commit arrive behind the"
                            + " watermark",
                    GoldFeaturesOptions.IDLENESS.key(),
                    idleness,
                    interval);
        }
    }

    private static <T> DataStream<CustomerEvent> events(
            DataStream<T> rows,
            MapFunction<T, CustomerEvent> toEvents,
            InputKind kind,
            WatermarkStrategy<CustomerEvent> eventTime,
            Uids uids) {
        String name = kind.uidName();
        return rows.map(toEvents, CustomerEvent.TYPE)
                .uid(uids.of("features-" + name + "-events"))
                .name("Features: " + kind.entityName() + " versions")
                .assignTimestampsAndWatermarks(eventTime)
                .uid(uids.of("features-" + name + "-time"))
                .name("Features: " + kind.entityName() + " event time");
    }
}
