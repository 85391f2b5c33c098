package io.strata.gold.features;

import io.strata.common.flink.Uids;
import io.strata.gold.input.SilverStreams;
import io.strata.model.ops.QuarantineRecord;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.streaming.api.datastream.DataStream;

/** The customer-features part of the graph ({@code docs/gold.md}). To be filled in. */
public final class FeaturesGraph {

    private FeaturesGraph() {}

    /** Adds the features; returns the events too late to apply, for the quarantine. */
    public static DataStream<QuarantineRecord> build(
            SilverStreams silver, ReadableConfig config, FeatureSinks sinks, Uids uids) {
        throw new UnsupportedOperationException("not yet");
    }
}
