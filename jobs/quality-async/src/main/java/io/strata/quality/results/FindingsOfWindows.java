package io.strata.quality.results;

import io.strata.model.ops.QualityResult;
import io.strata.quality.reconcile.SilverEvidence;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/** A finding as evidence about each SILVER window whose rows it concerns ({@code manifest_ids}). */
public final class FindingsOfWindows implements FlatMapFunction<QualityResult, SilverEvidence> {

    private static final long serialVersionUID = 1L;

    @Override
    public void flatMap(QualityResult r, Collector<SilverEvidence> out) {
        for (String id : r.getManifestIds()) {
            out.collect(SilverEvidence.finding(id, r.getTenantId(), r.getRule(), r.getCheckId()));
        }
    }
}
