package io.strata.gold.sink;

import io.strata.common.flink.Uids;
import io.strata.model.ops.QuarantineRecord;
import org.apache.flink.streaming.api.datastream.DataStream;

/** Where Gold's refused records go (Iceberg and Kafka in production, a collector in tests). */
@FunctionalInterface
public interface QuarantineSink {

    void quarantine(DataStream<QuarantineRecord> quarantine, Uids uids);

    /** Every one of {@code sinks}. */
    static QuarantineSink all(QuarantineSink... sinks) {
        return (quarantine, uids) -> {
            for (QuarantineSink s : sinks) {
                s.quarantine(quarantine, uids);
            }
        };
    }
}
