package io.strata.quality.reconcile;

import io.strata.model.Layer;
import io.strata.model.ops.LineageCount;
import io.strata.model.ops.ManifestRecord;
import io.strata.model.ops.ManifestStatus;
import io.strata.model.ops.QualityChecks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Hand-made manifest records as bronze-ingest and silver-conform write them. */
public final class ManifestRecords {

    public static final Instant NINE = Instant.parse("2026-11-16T09:00:00Z");

    private ManifestRecords() {}

    /** A BRONZE window of {@code id} ({@code BRONZE/<tenant>/<source>/<job>:<window>}). */
    public static ManifestRecord bronze(String id, String tenant, long count, long checksum) {
        return record(id, tenant, Layer.BRONZE, count, checksum, List.of());
    }

    /** A SILVER window accounting for {@code counts} of the BRONZE windows it names. */
    public static ManifestRecord silver(String id, String tenant, List<LineageCount> counts) {
        long count = counts.stream().mapToLong(LineageCount::getRecordCount).sum();
        long checksum = counts.stream().mapToLong(c -> Checksums.parse(c.getChecksum())).sum();
        return record(id, tenant, Layer.SILVER, count, checksum, counts);
    }

    /** A GOLD window of one Silver topic, reading {@code counts} of the SILVER windows' rows. */
    public static ManifestRecord gold(String id, String tenant, List<LineageCount> counts) {
        long count = counts.stream().mapToLong(LineageCount::getRecordCount).sum();
        long checksum = counts.stream().mapToLong(c -> Checksums.parse(c.getChecksum())).sum();
        return record(id, tenant, Layer.GOLD, count, checksum, counts);
    }

    /** The {@code lineage_counts} entry of one parent. */
    public static LineageCount parent(String bronzeId, long count, long checksum) {
        return new LineageCount(bronzeId, count, Checksums.format(checksum));
    }

    private static ManifestRecord record(
            String id,
            String tenant,
            Layer layer,
            long count,
            long checksum,
            List<LineageCount> counts) {
        String[] parts = id.split("/");
        return ManifestRecord.newBuilder()
                .setManifestId(id)
                .setTenantId(tenant)
                .setSourceSystem(parts[2])
                .setBatchId(parts[3])
                .setLayer(layer)
                .setJob(parts[3].split(":")[0])
                .setRecordCount(count)
                .setStartTime(NINE)
                .setEndTime(NINE.plusSeconds(60))
                .setStatus(ManifestStatus.COMPLETE)
                .setQualityChecks(
                        QualityChecks.newBuilder()
                                .setSchemaValid(true)
                                .setNullCheckPass(true)
                                .setChecksum(Checksums.format(checksum))
                                .build())
                .setLineage(
                        new ArrayList<>(counts.stream().map(LineageCount::getManifestId).toList()))
                .setLineageCounts(new ArrayList<>(counts))
                .setCreatedAt(NINE.plusSeconds(70))
                .build();
    }
}
