package io.strata.gold.features;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Attributes each version of an order, ticket or return to the customers whose features it changes,
 * keyed by {@link FeatureKeys#ENTITY}:
 *
 * <ul>
 *   <li>a live version to its own customer, and also to the customer the entity counted for until
 *       then when that is another one (the entity moved: it stops counting there);
 *   <li>a delete, which may carry no customer, to the customer the entity counted for until then,
 *       i.e. of its latest live version (its own customer if there was none).
 * </ul>
 *
 * A version with no customer to go to is counted ({@code unattributedVersions}) and dropped. State
 * per entity: the customer of its latest version if that is live; a delete clears it, so deleted
 * entities leave no state (Silver writes no second delete of a deleted key). Silver publishes the
 * versions of a key in sequence on one partition, so arrival order is version order here; the
 * features operator orders by event time itself.
 */
public final class AttributeToCustomers
        extends KeyedProcessFunction<String, CustomerEvent, CustomerEvent> {

    private static final long serialVersionUID = 1L;

    private transient ValueState<String> owner;
    private transient Counter unattributed;

    @Override
    public void open(OpenContext openContext) {
        owner = getRuntimeContext().getState(new ValueStateDescriptor<>("owner", Types.STRING));
        unattributed = getRuntimeContext().getMetricGroup().counter("unattributedVersions");
    }

    @Override
    public void processElement(CustomerEvent e, Context ctx, Collector<CustomerEvent> out)
            throws Exception {
        String previous = owner.value();
        String own = e.version.customerKey;
        if (e.version.deleted) {
            owner.clear();
            String to = previous != null ? previous : own;
            if (to == null) {
                unattributed.inc();
            } else {
                out.collect(e.attributedTo(to));
            }
            return;
        }
        if (own == null) {
            owner.clear();
        } else {
            owner.update(own);
            out.collect(e.attributedTo(own));
        }
        if (previous != null && !previous.equals(own)) {
            out.collect(e.attributedTo(previous));
        } else if (own == null) {
            unattributed.inc();
        }
    }
}
