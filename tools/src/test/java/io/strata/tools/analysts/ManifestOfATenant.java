package io.strata.tools.analysts;

import io.strata.model.Layer;
import io.strata.model.ops.LineageCount;
import io.strata.model.ops.ManifestRecord;
import io.strata.model.ops.ManifestStatus;
import io.strata.model.ops.OffsetRange;
import io.strata.model.ops.QualityChecks;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * quality-async's manifest table: acme's windows in every layer and status (a Bronze window still
 * being reconciled, a failed one), with lineage, next to globex's.
 */
final class ManifestOfATenant implements DocQuery {

    private static final Instant START = Instant.parse("2024-03-01T10:00:00Z");

    @Override
    public String heading() {
        return "Manifest status of a tenant";
    }

    @Override
    public void write(IcebergWriter iceberg) {
        iceberg.append(
                iceberg.create("ops.manifest", ManifestRecord.getClassSchema()),
                List.of(
                        window(Layer.BRONZE, "acme", 1, ManifestStatus.COMPLETE, 100, 3, 5),
                        window(Layer.BRONZE, "acme", 2, ManifestStatus.COMPLETE, 50, 1, 0),
                        window(Layer.BRONZE, "acme", 3, ManifestStatus.PROCESSING, 20, 0, 2),
                        window(Layer.BRONZE, "acme", 4, ManifestStatus.FAILED, 10, 0, 0),
                        window(Layer.SILVER, "acme", 2, ManifestStatus.COMPLETE, 146, 4, 0),
                        window(Layer.GOLD, "acme", 3, ManifestStatus.COMPLETE, 140, 0, 0),
                        window(Layer.BRONZE, "globex", 1, ManifestStatus.COMPLETE, 70, 0, 1)));
    }

    @Override
    public Expected expected(Map<String, Long> sent) {
        return new Expected(
                List.of(
                        "layer",
                        "status",
                        "windows",
                        "records",
                        "quarantined",
                        "duplicates",
                        "last_event_time"),
                List.of(
                        List.of("BRONZE", "COMPLETE", "2", "150", "4", "5", end(2)),
                        List.of("BRONZE", "FAILED", "1", "10", "0", "0", end(4)),
                        List.of("BRONZE", "PROCESSING", "1", "20", "0", "2", end(3)),
                        List.of("GOLD", "COMPLETE", "1", "140", "0", "0", end(3)),
                        List.of("SILVER", "COMPLETE", "1", "146", "4", "0", end(2))),
                true);
    }

    private static String end(int window) {
        return Printed.micros(endOf(window));
    }

    /** Window n covers the n-th hour of event time after {@link #START}. */
    private static Instant endOf(int window) {
        return START.plus(Duration.ofHours(window)).minusMillis(1);
    }

    private static ManifestRecord window(
            Layer layer,
            String tenant,
            int window,
            ManifestStatus status,
            long records,
            long quarantined,
            long duplicates) {
        String job =
                layer == Layer.BRONZE
                        ? "bronze-ingest"
                        : layer.name().toLowerCase(java.util.Locale.ROOT) + "-job";
        String id = layer + "/" + tenant + "/raw.webhooks/" + job + ":" + window;
        List<String> lineage =
                layer == Layer.BRONZE
                        ? List.of()
                        : List.of("BRONZE/" + tenant + "/raw.webhooks/bronze-ingest:" + window);
        return ManifestRecord.newBuilder()
                .setManifestId(id)
                .setTenantId(tenant)
                .setSourceSystem("raw.webhooks")
                .setBatchId(job + ":" + window)
                .setLayer(layer)
                .setJob(job)
                .setRecordCount(records)
                .setStartTime(endOf(window - 1).plusMillis(1))
                .setEndTime(endOf(window))
                .setStatus(status)
                .setQualityChecks(
                        QualityChecks.newBuilder()
                                .setSchemaValid(true)
                                .setNullCheckPass(true)
                                .setDuplicateCount(duplicates)
                                .setQuarantineCount(quarantined)
                                .setReconciled(status == ManifestStatus.FAILED ? false : null)
                                .build())
                .setLineage(lineage)
                .setLineageCounts(
                        lineage.stream()
                                .map(parent -> new LineageCount(parent, records, "00ff"))
                                .toList())
                .setKafkaOffsets(List.of(new OffsetRange("raw.webhooks", 0, 0L, records)))
                .setCreatedAt(endOf(window).plusSeconds(10))
                .build();
    }
}
