package io.strata.common.manifest;

import io.strata.model.Layer;
import io.strata.model.ops.LineageCount;
import io.strata.model.ops.ManifestRecord;
import io.strata.model.ops.ManifestStatus;
import io.strata.model.ops.OffsetRange;
import io.strata.model.ops.QualityChecks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** Turns a closed window into the manifest's Avro record. */
final class ManifestRecords {

    private ManifestRecords() {}

    static ManifestRecord of(TenantWindow w, Layer layer, String job, long now) {
        boolean anyEventTime = w.minEventTime <= w.maxEventTime;
        return ManifestRecord.newBuilder()
                .setManifestId(ManifestWindow.manifestId(layer, w.tenant, w.source, job, w.window))
                .setTenantId(w.tenant)
                .setSourceSystem(w.source)
                .setBatchId(ManifestWindow.batchId(job, w.window))
                .setLayer(layer)
                .setJob(job)
                .setRecordCount(w.accepted)
                .setStartTime(Instant.ofEpochMilli(anyEventTime ? w.minEventTime : now))
                .setEndTime(Instant.ofEpochMilli(anyEventTime ? w.maxEventTime : now))
                .setStatus(w.held > 0 ? ManifestStatus.PAUSED : ManifestStatus.COMPLETE)
                .setQualityChecks(
                        QualityChecks.newBuilder()
                                .setSchemaValid(w.quarantined == 0)
                                .setNullCheckPass(true)
                                .setDuplicateCount(w.duplicates)
                                .setQuarantineCount(w.quarantined)
                                .setLateCount(w.late)
                                .setChecksum(hex(w.checksum))
                                .setHeldCount(w.held)
                                .build())
                .setLineage(new ArrayList<>(Arrays.stream(w.parents).sorted().toList()))
                .setLineageCounts(lineageCounts(w))
                .setKafkaOffsets(offsets(w))
                .setIcebergSnapshotId(null)
                .setCreatedAt(Instant.ofEpochMilli(now))
                .build();
    }

    /** A checksum as the manifest writes it: 16 hex digits. */
    static String hex(long checksum) {
        return String.format("%016x", checksum);
    }

    private static List<LineageCount> lineageCounts(TenantWindow w) {
        List<LineageCount> counts = new ArrayList<>(w.parents.length);
        for (int i = 0; i < w.parents.length; i++) {
            counts.add(
                    new LineageCount(w.parents[i], w.parentCounts[i], hex(w.parentChecksums[i])));
        }
        counts.sort(Comparator.comparing(LineageCount::getManifestId));
        return counts;
    }

    private static List<OffsetRange> offsets(TenantWindow w) {
        List<OffsetRange> ranges = new ArrayList<>(w.partitions.length);
        for (int i = 0; i < w.partitions.length; i++) {
            ranges.add(
                    new OffsetRange(
                            w.source, w.partitions[i], w.firstOffsets[i], w.lastOffsets[i]));
        }
        return ranges;
    }
}
