package io.strata.silver.sink;

import io.strata.common.flink.Uids;
import io.strata.model.ops.ManifestRecord;
import io.strata.model.ops.QuarantineRecord;
import io.strata.silver.config.CanonicalEntity;
import java.util.List;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * Where the topology's outputs go; production writes Iceberg and Kafka, tests pass their own.
 * Implementations add operators with uids from {@code uids}.
 */
public interface SilverSinks {

    /**
     * The rows of one entity, in sequence per key, each of the entity's Avro class; a row with
     * {@code meta.deleted} is a delete. {@code superseded}: the entity's versions that arrived
     * after a newer one of their key, for the topics (Gold's history), never for the tables.
     */
    void rows(
            CanonicalEntity entity,
            DataStream<SpecificRecordBase> rows,
            DataStream<SpecificRecordBase> superseded,
            Uids uids);

    /** Refused records. */
    void quarantine(DataStream<QuarantineRecord> quarantine, Uids uids);

    /** The manifest: one record per tenant, source and checkpoint window. */
    default void manifest(DataStream<ManifestRecord> manifest, Uids uids) {}

    /** All of {@code sinks}, in order. */
    static SilverSinks all(List<SilverSinks> sinks) {
        return new SilverSinks() {
            @Override
            public void rows(
                    CanonicalEntity entity,
                    DataStream<SpecificRecordBase> rows,
                    DataStream<SpecificRecordBase> superseded,
                    Uids uids) {
                sinks.forEach(s -> s.rows(entity, rows, superseded, uids));
            }

            @Override
            public void quarantine(DataStream<QuarantineRecord> quarantine, Uids uids) {
                sinks.forEach(s -> s.quarantine(quarantine, uids));
            }

            @Override
            public void manifest(DataStream<ManifestRecord> manifest, Uids uids) {
                sinks.forEach(s -> s.manifest(manifest, uids));
            }
        };
    }

    /** The kebab-case name of an entity in uids: {@code order-line}. */
    static String uidName(CanonicalEntity entity) {
        return entity.entityName().replace('_', '-');
    }
}
