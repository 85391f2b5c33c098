package io.strata.bronze.sink;

import io.strata.common.flink.Uids;
import io.strata.model.bronze.BronzeEvent;
import io.strata.model.ops.ManifestRecord;
import io.strata.model.ops.QuarantineRecord;
import java.util.List;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * Where the topology's outputs go; production writes Iceberg and Kafka, tests pass their own.
 * Implementations add operators with uids from {@code uids}.
 */
public interface BronzeSinks {

    /** Accepted, deduplicated events. */
    void events(DataStream<BronzeEvent> events, Uids uids);

    /** Refused records. */
    void quarantine(DataStream<QuarantineRecord> quarantine, Uids uids);

    /** The dropped duplicate copies (already counted in metrics and the manifest). */
    default void duplicates(DataStream<BronzeEvent> duplicates, Uids uids) {}

    /** Manifest records, one per tenant, source topic and checkpoint. */
    default void manifest(DataStream<ManifestRecord> manifest, Uids uids) {}

    /** All of {@code sinks}, in order. */
    static BronzeSinks all(List<BronzeSinks> sinks) {
        return new BronzeSinks() {
            @Override
            public void events(DataStream<BronzeEvent> events, Uids uids) {
                sinks.forEach(s -> s.events(events, uids));
            }

            @Override
            public void quarantine(DataStream<QuarantineRecord> quarantine, Uids uids) {
                sinks.forEach(s -> s.quarantine(quarantine, uids));
            }

            @Override
            public void duplicates(DataStream<BronzeEvent> duplicates, Uids uids) {
                sinks.forEach(s -> s.duplicates(duplicates, uids));
            }

            @Override
            public void manifest(DataStream<ManifestRecord> manifest, Uids uids) {
                sinks.forEach(s -> s.manifest(manifest, uids));
            }
        };
    }
}
