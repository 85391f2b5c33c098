package io.strata.quality.sink;

import io.strata.common.flink.Uids;
import io.strata.model.ops.Alert;
import io.strata.model.ops.ManifestRecord;
import io.strata.model.ops.QualityResult;
import io.strata.model.ops.QuarantineRecord;
import java.util.List;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * Where the topology's outputs go; production writes Iceberg and Kafka, tests pass their own.
 * Implementations add operators with uids from {@code uids}; an output a sink does not keep is a
 * no-op.
 */
public interface QualitySinks {

    /**
     * The consolidated manifest: every record as read, BRONZE ones again whenever their
     * reconciliation status changes (same manifest id: an upsert).
     */
    default void manifest(DataStream<ManifestRecord> manifest, Uids uids) {}

    /** One record per breach. */
    default void alerts(DataStream<Alert> alerts, Uids uids) {}

    /** One record per Tier-2 or Tier-3 finding. */
    default void results(DataStream<QualityResult> results, Uids uids) {}

    /** Unreadable records of the manifest and Silver topics. */
    default void quarantine(DataStream<QuarantineRecord> quarantine, Uids uids) {}

    /** All of {@code sinks}, in order. */
    static QualitySinks all(List<QualitySinks> sinks) {
        return new QualitySinks() {
            @Override
            public void manifest(DataStream<ManifestRecord> manifest, Uids uids) {
                sinks.forEach(s -> s.manifest(manifest, uids));
            }

            @Override
            public void alerts(DataStream<Alert> alerts, Uids uids) {
                sinks.forEach(s -> s.alerts(alerts, uids));
            }

            @Override
            public void results(DataStream<QualityResult> results, Uids uids) {
                sinks.forEach(s -> s.results(results, uids));
            }

            @Override
            public void quarantine(DataStream<QuarantineRecord> quarantine, Uids uids) {
                sinks.forEach(s -> s.quarantine(quarantine, uids));
            }
        };
    }
}
