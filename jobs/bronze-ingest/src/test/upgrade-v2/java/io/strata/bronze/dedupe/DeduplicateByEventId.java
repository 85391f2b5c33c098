package io.strata.bronze.dedupe;

import io.strata.model.bronze.BronzeEvent;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * v2 (upgrade-test fixture): v1 plus {@code first_checksum} on every event it emits, from the
 * state's new {@link SeenEvent#checksum}: an accepted event carries its own, a dropped copy the
 * accepted one's (null when that state entry was written by v1).
 *
 * <p>v1: Lets the first event per (tenant, event id) through and drops later copies, keyed by
 * {@link TenantEventKey}. An id is remembered ({@link SeenEvent}, state {@code seen}) for the TTL
 * from its first sighting (processing time; copies do not extend it), then forgotten, so state
 * stays bounded. Dropped copies leave through {@link #DUPLICATES} (for the manifest) and are
 * counted per tenant: metric {@code duplicates} (and {@code accepted}) under a {@code tenant}
 * group.
 */
public final class DeduplicateByEventId
        extends KeyedProcessFunction<Tuple2<String, String>, BronzeEvent, BronzeEvent> {

    private static final long serialVersionUID = 1L;

    /** The dropped copies. */
    public static final OutputTag<BronzeEvent> DUPLICATES =
            new OutputTag<>("duplicates", new AvroTypeInfo<>(BronzeEvent.class));

    private final Duration ttl;

    private transient ValueState<SeenEvent> seen;
    private transient Map<String, Counter> duplicates;
    private transient Map<String, Counter> accepted;

    public DeduplicateByEventId(Duration ttl) {
        this.ttl = ttl;
    }

    @Override
    public void open(OpenContext openContext) {
        ValueStateDescriptor<SeenEvent> descriptor =
                new ValueStateDescriptor<>("seen", TypeInformation.of(SeenEvent.class));
        descriptor.enableTimeToLive(
                StateTtlConfig.newBuilder(ttl)
                        .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
                        .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
                        .build());
        seen = getRuntimeContext().getState(descriptor);
        duplicates = new HashMap<>();
        accepted = new HashMap<>();
    }

    @Override
    public void processElement(BronzeEvent event, Context ctx, Collector<BronzeEvent> out)
            throws Exception {
        SeenEvent first = seen.value();
        if (first != null) {
            counter(duplicates, "duplicates", event.getTenantId()).inc();
            event.setFirstChecksum(first.checksum);
            ctx.output(DUPLICATES, event);
            return;
        }
        first = SeenEvent.of(event);
        seen.update(first);
        counter(accepted, "accepted", event.getTenantId()).inc();
        event.setFirstChecksum(first.checksum);
        out.collect(event);
    }

    private Counter counter(Map<String, Counter> counters, String name, String tenant) {
        return counters.computeIfAbsent(
                tenant,
                t -> {
                    MetricGroup group = getRuntimeContext().getMetricGroup().addGroup("tenant", t);
                    return group.counter(name);
                });
    }
}
