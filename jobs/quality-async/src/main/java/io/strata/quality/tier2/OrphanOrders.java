package io.strata.quality.tier2;

import io.strata.model.ops.QualityResult;
import io.strata.model.silver.Customer;
import io.strata.model.silver.Order;
import io.strata.quality.results.Rules;
import io.strata.quality.rules.QualityRules;
import io.strata.quality.rules.TenantRules.ReferentialIntegrity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.TimeUtils;

/**
 * Tier 2, referential integrity: an order whose customer (tenant, customer_key) has not appeared on
 * silver.customer by {@code wait} of event time after the order is one finding, once per order.
 * Keyed by {@link #key tenant and customer key}: input 1 the orders, input 2 the customers. A
 * customer seen once satisfies every order of its key, before or after it; an order waits on an
 * event-time timer at its event time + wait, so the verdict depends on event time only. Then it
 * waits {@code arrivalGrace} more in processing time for the customer: the Silver topics are read
 * side by side, and the watermark may pass a customer row not yet read from its partition. The
 * finding's {@code detected_at} is the event-time deadline either way. Orders without a customer
 * key are the null-rate rule's concern.
 */
public final class OrphanOrders
        extends KeyedCoProcessFunction<String, Order, Customer, QualityResult> {

    private static final long serialVersionUID = 1L;

    private final QualityRules rules;
    private final long graceMillis;

    private transient ValueState<Boolean> customerSeen;
    private transient MapState<String, Order> pending;
    private transient MapState<String, Long> overdue;
    private transient MapState<String, Boolean> reported;

    public OrphanOrders(QualityRules rules, Duration arrivalGrace) {
        this.rules = rules;
        this.graceMillis = arrivalGrace.toMillis();
    }

    /** The key of an order's customer and of a customer: {@code tenant|customer_key}. */
    public static String key(String tenant, String customerKey) {
        return tenant + "|" + customerKey;
    }

    @Override
    public void open(OpenContext openContext) {
        customerSeen =
                getRuntimeContext()
                        .getState(new ValueStateDescriptor<>("customer-seen", Types.BOOLEAN));
        pending =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "pending-orders",
                                        Types.STRING,
                                        new AvroTypeInfo<>(Order.class)));
        overdue =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "overdue-orders", Types.STRING, Types.LONG));
        reported =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "reported-orders", Types.STRING, Types.BOOLEAN));
    }

    @Override
    public void processElement1(Order order, Context ctx, Collector<QualityResult> out)
            throws Exception {
        String tenant = order.getMeta().getTenantId();
        ReferentialIntegrity rule = rules.of(tenant).referentialIntegrity();
        if (!rule.enabled()
                || Boolean.TRUE.equals(customerSeen.value())
                || pending.contains(order.getOrderKey())
                || reported.contains(order.getOrderKey())) {
            return;
        }
        pending.put(order.getOrderKey(), order);
        ctx.timerService().registerEventTimeTimer(deadline(order, rule.customerWait()));
    }

    @Override
    public void processElement2(Customer customer, Context ctx, Collector<QualityResult> out)
            throws Exception {
        customerSeen.update(true);
        pending.clear();
        overdue.clear();
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<QualityResult> out)
            throws Exception {
        boolean eventTime = ctx.timeDomain() == TimeDomain.EVENT_TIME;
        List<Order> due = new ArrayList<>();
        for (Map.Entry<String, Order> e : pending.entries()) {
            Order o = e.getValue();
            Long graceOver = overdue.get(o.getOrderKey());
            boolean ripe =
                    eventTime
                            ? graceOver == null && deadline(o, waitOf(o)) <= timestamp
                            : graceOver != null && graceOver <= timestamp;
            if (ripe) {
                due.add(o);
            }
        }
        if (eventTime && graceMillis > 0) {
            long graceOver = ctx.timerService().currentProcessingTime() + graceMillis;
            for (Order o : due) {
                overdue.put(o.getOrderKey(), graceOver);
            }
            if (!due.isEmpty()) {
                ctx.timerService().registerProcessingTimeTimer(graceOver);
            }
            return;
        }
        for (Order o : due) {
            pending.remove(o.getOrderKey());
            overdue.remove(o.getOrderKey());
            reported.put(o.getOrderKey(), true);
            out.collect(result(o, waitOf(o), deadline(o, waitOf(o))));
        }
    }

    private Duration waitOf(Order o) {
        return rules.of(o.getMeta().getTenantId()).referentialIntegrity().customerWait();
    }

    private static long deadline(Order o, Duration wait) {
        return o.getMeta().getEventTime().toEpochMilli() + wait.toMillis();
    }

    private static QualityResult result(Order o, Duration wait, long at) {
        String tenant = o.getMeta().getTenantId();
        return QualityResult.newBuilder()
                .setCheckId(Rules.REFERENTIAL_INTEGRITY + ":" + tenant + ":" + o.getOrderKey())
                .setTier(2)
                .setRule(Rules.REFERENTIAL_INTEGRITY)
                .setTenantId(tenant)
                .setEntity("order")
                .setField("customer_key")
                .setMeasured(0)
                .setThreshold(1)
                .setKeys(List.of("order:" + o.getOrderKey(), "customer:" + o.getCustomerKey()))
                .setManifestIds(
                        o.getMeta().getManifestId() == null
                                ? List.of()
                                : List.of(o.getMeta().getManifestId()))
                .setDetail(
                        "order "
                                + o.getOrderKey()
                                + " references customer "
                                + o.getCustomerKey()
                                + ", which did not appear on Silver within "
                                + TimeUtils.formatWithHighestUnit(wait)
                                + " of the order's event time")
                .setDetectedAt(Instant.ofEpochMilli(at))
                .build();
    }
}
