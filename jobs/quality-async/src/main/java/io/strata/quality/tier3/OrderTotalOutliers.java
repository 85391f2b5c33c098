package io.strata.quality.tier3;

import io.strata.model.ops.QualityResult;
import io.strata.model.silver.Order;
import io.strata.quality.results.ResultAlerts;
import io.strata.quality.results.Rules;
import io.strata.quality.rules.QualityRules;
import io.strata.quality.rules.TenantRules.Outliers;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Tier 3, order-total outliers per tenant (keyed by tenant): each order's total, on its first
 * version with one, is judged against the tenant's rolling sample of the last {@code sample} totals
 * by {@link RobustZ}; |z| above {@code maxZ} is one finding naming the order. Judged once the
 * sample holds {@code minSample} totals; an outlier does not join the sample, so it cannot shift
 * the baseline it is measured against. Later versions of an order (status changes) are not judged
 * again. State: the sample ({@code List<Double>}) and the order keys judged.
 */
public final class OrderTotalOutliers extends KeyedProcessFunction<String, Order, QualityResult> {

    private static final long serialVersionUID = 1L;

    private final QualityRules rules;

    private transient ValueState<List<Double>> sample;
    private transient MapState<String, Boolean> judged;

    public OrderTotalOutliers(QualityRules rules) {
        this.rules = rules;
    }

    @Override
    public void open(OpenContext openContext) {
        sample =
                getRuntimeContext()
                        .getState(new ValueStateDescriptor<>("sample", Types.LIST(Types.DOUBLE)));
        judged =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "judged-orders", Types.STRING, Types.BOOLEAN));
    }

    @Override
    public void processElement(Order order, Context ctx, Collector<QualityResult> out)
            throws Exception {
        Outliers rule = rules.of(order.getMeta().getTenantId()).outliers();
        if (!rule.enabled()
                || order.getTotalAmount() == null
                || judged.contains(order.getOrderKey())) {
            return;
        }
        judged.put(order.getOrderKey(), true);
        double total = order.getTotalAmount().doubleValue();
        List<Double> totals = sample.value() == null ? new ArrayList<>() : sample.value();
        if (totals.size() >= rule.minSample()) {
            OptionalDouble z = RobustZ.of(total, totals);
            if (z.isPresent() && Math.abs(z.getAsDouble()) > rule.maxZ()) {
                out.collect(result(order, z.getAsDouble(), totals, rule));
                return;
            }
        }
        totals.add(total);
        while (totals.size() > rule.sample()) {
            totals.remove(0);
        }
        sample.update(totals);
    }

    private static QualityResult result(Order o, double z, List<Double> totals, Outliers rule) {
        String tenant = o.getMeta().getTenantId();
        double median = RobustZ.median(totals.stream().mapToDouble(Double::doubleValue).toArray());
        return QualityResult.newBuilder()
                .setCheckId(Rules.ORDER_TOTAL_OUTLIER + ":" + tenant + ":" + o.getOrderKey())
                .setTier(3)
                .setRule(Rules.ORDER_TOTAL_OUTLIER)
                .setTenantId(tenant)
                .setEntity("order")
                .setField("total_amount")
                .setMeasured(z)
                .setThreshold(rule.maxZ())
                .setBaseline(median)
                .setKeys(List.of("order:" + o.getOrderKey()))
                .setManifestIds(
                        o.getMeta().getManifestId() == null
                                ? List.of()
                                : List.of(o.getMeta().getManifestId()))
                .setDetail(
                        "order "
                                + o.getOrderKey()
                                + " totals "
                                + o.getTotalAmount().toPlainString()
                                + ": robust z-score "
                                + ResultAlerts.number(z)
                                + " against the median "
                                + ResultAlerts.number(median)
                                + " of the last "
                                + totals.size()
                                + " orders")
                .setDetectedAt(o.getMeta().getEventTime())
                .build();
    }
}
