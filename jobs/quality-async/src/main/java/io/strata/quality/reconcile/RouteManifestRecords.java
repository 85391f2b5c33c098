package io.strata.quality.reconcile;

import io.strata.model.Layer;
import io.strata.model.ops.LineageCount;
import io.strata.model.ops.ManifestRecord;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Splits the manifest for reconciliation: BRONZE records are the main output (each one window to
 * reconcile), SILVER records go to {@link #SILVER} (each one window to reconcile with Gold), every
 * other record to {@link #OTHERS} as it is. Each SILVER record also yields one {@link LineageClaim}
 * per BRONZE window it names in {@code lineage_counts} ({@link #CLAIMS}), each GOLD record one
 * {@link SilverEvidence#goldClaim} per SILVER window ({@link #GOLD_CLAIMS}).
 */
public final class RouteManifestRecords extends ProcessFunction<ManifestRecord, ManifestRecord> {

    private static final long serialVersionUID = 1L;

    /** Records of layers other than BRONZE and SILVER, unchanged. */
    public static final OutputTag<ManifestRecord> OTHERS =
            new OutputTag<>("manifest-others", new AvroTypeInfo<>(ManifestRecord.class));

    /** SILVER records, unchanged. */
    public static final OutputTag<ManifestRecord> SILVER =
            new OutputTag<>("manifest-silver", new AvroTypeInfo<>(ManifestRecord.class));

    /** GOLD's claims on SILVER windows' rows. */
    public static final OutputTag<SilverEvidence> GOLD_CLAIMS =
            new OutputTag<>("gold-claims", TypeInformation.of(SilverEvidence.class));

    /** SILVER's claims on BRONZE windows. */
    public static final OutputTag<LineageClaim> CLAIMS =
            new OutputTag<>("lineage-claims", TypeInformation.of(LineageClaim.class));

    @Override
    public void processElement(ManifestRecord m, Context ctx, Collector<ManifestRecord> out) {
        if (m.getLayer() == Layer.BRONZE) {
            out.collect(m);
            return;
        }
        ctx.output(m.getLayer() == Layer.SILVER ? SILVER : OTHERS, m);
        if (m.getLayer() == Layer.GOLD) {
            for (LineageCount c : m.getLineageCounts()) {
                ctx.output(
                        GOLD_CLAIMS,
                        SilverEvidence.goldClaim(
                                c.getManifestId(),
                                m.getManifestId(),
                                m.getTenantId(),
                                m.getSourceSystem(),
                                c.getRecordCount(),
                                Checksums.parse(c.getChecksum())));
            }
        }
        if (m.getLayer() == Layer.SILVER) {
            for (LineageCount c : m.getLineageCounts()) {
                ctx.output(
                        CLAIMS,
                        new LineageClaim(
                                c.getManifestId(),
                                m.getManifestId(),
                                m.getTenantId(),
                                m.getSourceSystem(),
                                c.getRecordCount(),
                                Checksums.parse(c.getChecksum())));
            }
        }
    }
}
