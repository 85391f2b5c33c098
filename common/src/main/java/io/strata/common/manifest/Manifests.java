package io.strata.common.manifest;

import io.strata.common.flink.Uids;
import io.strata.common.lineage.CheckpointLineage;
import io.strata.common.lineage.LineageRun;
import io.strata.model.Layer;
import io.strata.model.ops.ManifestRecord;
import java.util.Optional;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * The manifest of a layer: one {@link ManifestRecord} per tenant, source and checkpoint with what
 * arrived, what passed, duplicates, quarantine, lateness, event-time range and Kafka offset ranges.
 * Tallies are added up per subtask and merged by one operator, both emitting just before the
 * checkpoint barrier, so each checkpoint's manifest describes exactly the records that checkpoint
 * commits.
 */
public final class Manifests {

    /** The tenant of records nobody could attribute (e.g. unreadable and unkeyed). */
    public static final String UNATTRIBUTED = "_unattributed";

    private Manifests() {}

    /**
     * The manifest records of {@code tallies}; uids {@code <job>-manifest-tally} and {@code
     * <job>-manifest}. {@code recordType} is the job's type information for the Avro record (e.g.
     * flink-avro's {@code AvroTypeInfo}, which common does not depend on).
     */
    public static SingleOutputStreamOperator<ManifestRecord> of(
            DataStream<ManifestTally> tallies,
            Layer layer,
            Uids uids,
            TypeInformation<ManifestRecord> recordType) {
        return of(tallies, layer, uids, recordType, Optional.empty());
    }

    /**
     * {@link #of(DataStream, Layer, Uids, TypeInformation)} whose manifest operator also sends the
     * job's OpenLineage RUNNING event on every completed checkpoint, when {@code lineage} is on.
     */
    public static SingleOutputStreamOperator<ManifestRecord> of(
            DataStream<ManifestTally> tallies,
            Layer layer,
            Uids uids,
            TypeInformation<ManifestRecord> recordType,
            Optional<LineageRun> lineage) {
        return tallies.transform(
                        "Manifest tally",
                        TypeInformation.of(TenantWindow.class),
                        new TallyPerCheckpoint())
                .uid(uids.of("manifest-tally"))
                .transform(
                        "Manifest " + layer,
                        recordType,
                        new ManifestPerCheckpoint(
                                layer,
                                uids.job(),
                                lineage.map(CheckpointLineage::new).orElse(null)))
                .uid(uids.of("manifest"))
                .setParallelism(1)
                .setMaxParallelism(1);
    }
}
