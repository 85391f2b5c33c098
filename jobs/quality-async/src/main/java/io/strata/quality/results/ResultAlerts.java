package io.strata.quality.results;

import io.strata.model.Layer;
import io.strata.model.ops.Alert;
import io.strata.model.ops.QualityResult;
import java.util.Locale;
import org.apache.flink.api.common.functions.MapFunction;

/**
 * The alert of a finding: every Tier-2 and Tier-3 result is a breach, so each is one {@link Alert}
 * with the same id, rule, tenant, measured value and threshold. Layer SILVER; the source is the
 * entity's Silver topic; the window is the event-time window checked, or the check's subject for
 * rules without one.
 */
public final class ResultAlerts implements MapFunction<QualityResult, Alert> {

    private static final long serialVersionUID = 1L;

    private final String topicPrefix;

    public ResultAlerts(String topicPrefix) {
        this.topicPrefix = topicPrefix;
    }

    @Override
    public Alert map(QualityResult r) {
        return Alert.newBuilder()
                .setAlertId(r.getCheckId())
                .setRule(r.getRule())
                .setTenantId(r.getTenantId())
                .setLayer(Layer.SILVER)
                .setSourceSystem(topicPrefix + r.getEntity())
                .setWindowId(windowId(r))
                .setManifestIds(r.getManifestIds())
                .setMeasured(number(r.getMeasured()))
                .setExpected(number(r.getThreshold()))
                .setDetail(r.getDetail())
                .setDetectedAt(r.getDetectedAt())
                .build();
    }

    private static String windowId(QualityResult r) {
        if (r.getWindowStart() != null) {
            return r.getWindowStart() + "/" + r.getWindowEnd();
        }
        return r.getCheckId().substring(r.getRule().length() + 1);
    }

    /** A count as an integer, anything else with four decimals. */
    public static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.4f", value);
    }
}
