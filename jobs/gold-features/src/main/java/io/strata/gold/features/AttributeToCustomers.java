package io.strata.gold.features;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Attributes each version of an order, ticket or return to the customers whose features it changes,
 * keyed by {@link FeatureKeys#ENTITY}, in event time ({@link EntityVersion#SEQUENCE}) whatever
 * order the versions arrive in:
 *
 * <ul>
 *   <li>a live version to its own customer, and also to the customer of the version before it when
 *       that is live and another one (the entity moved: it stops counting there);
 *   <li>a delete, which may carry no customer, to the customer of the latest live version before it
 *       (its own customer if there was none).
 * </ul>
 *
 * Silver's topics carry the versions its tables superseded after the newer ones, so a version can
 * arrive after the one that follows it in event time. The later version was then attributed without
 * it: when the arriving version is live, its customer also gets a copy of the next version ({@link
 * CustomerEvent#reattributed}), through which that customer's features see the entity move away or
 * be deleted at that time.
 *
 * <p>A version with no customer to go to is counted ({@code unattributedVersions}) and dropped.
 * State per entity: its versions back to the latest one before the horizon (the watermark minus the
 * allowed lateness, older versions are too late for the features anyway); none once the latest is a
 * delete before the horizon.
 */
public final class AttributeToCustomers
        extends KeyedProcessFunction<String, CustomerEvent, CustomerEvent> {

    private static final long serialVersionUID = 1L;

    private final Duration allowedLateness;

    private transient ListState<EntityVersion> versions;

    /** What the first release kept: the customer of the entity's latest live version. */
    private transient ValueState<String> owner;

    private transient Counter unattributed;

    /** {@code allowedLateness}: how far behind the watermark versions may still arrive. */
    public AttributeToCustomers(Duration allowedLateness) {
        this.allowedLateness = allowedLateness;
    }

    @Override
    public void open(OpenContext openContext) {
        versions =
                getRuntimeContext()
                        .getListState(
                                new ListStateDescriptor<>(
                                        "versions", TypeInformation.of(EntityVersion.class)));
        owner = getRuntimeContext().getState(new ValueStateDescriptor<>("owner", Types.STRING));
        unattributed = getRuntimeContext().getMetricGroup().counter("unattributedVersions");
    }

    @Override
    public void processElement(CustomerEvent e, Context ctx, Collector<CustomerEvent> out)
            throws Exception {
        EntityVersion v = e.version;
        List<EntityVersion> known = known(v);
        int at = 0;
        while (at < known.size() && EntityVersion.SEQUENCE.compare(known.get(at), v) < 0) {
            at++;
        }
        boolean again = at < known.size() && known.get(at).id().equals(v.id());
        EntityVersion previous = at > 0 ? known.get(at - 1) : null;
        String lastLive = lastLiveCustomer(known, at);
        String own = v.customerKey;

        if (v.deleted) {
            String to = lastLive != null ? lastLive : own;
            if (to == null) {
                unattributed.inc();
            } else {
                out.collect(e.attributedTo(to));
            }
        } else {
            String before = previous != null && !previous.deleted ? previous.customerKey : null;
            if (own != null) {
                out.collect(e.attributedTo(own));
            }
            if (before != null && !before.equals(own)) {
                out.collect(e.attributedTo(before));
            } else if (own == null) {
                unattributed.inc();
            }
            EntityVersion next = again ? null : at < known.size() ? known.get(at) : null;
            if (own != null && next != null) {
                String nextWentTo =
                        next.deleted
                                ? (lastLive != null ? lastLive : next.customerKey)
                                : next.customerKey;
                if (!own.equals(nextWentTo)) {
                    out.collect(reattributed(e, next, own));
                }
            }
        }
        if (!again) {
            known.add(at, v);
        }
        versions.update(sinceHorizon(known, ctx.timerService().currentWatermark()));
        owner.clear();
    }

    /**
     * The versions of {@code arriving}'s entity in sequence; a first release's owner as a live
     * version before all.
     */
    private List<EntityVersion> known(EntityVersion arriving) throws Exception {
        List<EntityVersion> known = new ArrayList<>();
        for (EntityVersion v : versions.get()) {
            known.add(v);
        }
        String legacy = owner.value();
        if (known.isEmpty() && legacy != null) {
            EntityVersion seed = new EntityVersion();
            seed.kind = arriving.kind;
            seed.key = arriving.key;
            seed.eventTime = Long.MIN_VALUE;
            seed.sourcePosition = "";
            seed.customerKey = legacy;
            known.add(seed);
        }
        known.sort(EntityVersion.SEQUENCE);
        return known;
    }

    private static String lastLiveCustomer(List<EntityVersion> known, int before) {
        for (int i = before - 1; i >= 0; i--) {
            EntityVersion k = known.get(i);
            if (!k.deleted && k.customerKey != null) {
                return k.customerKey;
            }
        }
        return null;
    }

    /**
     * The versions a later arrival may still need: those from the latest one before the horizon on,
     * none when that is the last and a delete.
     */
    private List<EntityVersion> sinceHorizon(List<EntityVersion> known, long watermark) {
        long lateness = allowedLateness.toMillis();
        if (watermark < Long.MIN_VALUE + lateness) {
            return known;
        }
        long horizon = watermark - lateness;
        int base = -1;
        for (int i = 0; i < known.size() && known.get(i).eventTime < horizon; i++) {
            base = i;
        }
        if (base < 0) {
            return known;
        }
        if (base == known.size() - 1 && known.get(base).deleted) {
            return List.of();
        }
        return new ArrayList<>(known.subList(base, known.size()));
    }

    /** {@code next}, as an input event of {@code customer} too (the entity leaves them then). */
    private static CustomerEvent reattributed(
            CustomerEvent arriving, EntityVersion next, String customer) {
        CustomerEvent copy = new CustomerEvent();
        copy.tenant = arriving.tenant;
        copy.customer = customer;
        copy.version = next;
        copy.reattributed = true;
        return copy;
    }
}
