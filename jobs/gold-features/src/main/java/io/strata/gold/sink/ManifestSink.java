package io.strata.gold.sink;

import io.strata.common.flink.Uids;
import io.strata.model.ops.ManifestRecord;
import org.apache.flink.streaming.api.datastream.DataStream;

/** Where Gold's manifest goes (the manifest topic in production, a collector in tests). */
@FunctionalInterface
public interface ManifestSink {

    /** The manifest: one record per tenant, Silver topic and checkpoint window. */
    void manifest(DataStream<ManifestRecord> manifest, Uids uids);

    /** Nowhere: the manifest is counted but not written (Kafka output is off). */
    static ManifestSink none() {
        return (manifest, uids) -> {};
    }
}
