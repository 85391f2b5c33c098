package io.strata.bronze.time;

import io.strata.model.bronze.BronzeEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Marks events later than the allowed lateness with {@code late = true} and counts them ({@code
 * lateEvents}); nothing is dropped. An event is late when its event time is more than
 * out-of-orderness + allowed lateness behind the newest event time already seen on its source
 * partition, i.e. behind that partition's bounded-out-of-orderness watermark by more than the
 * allowed lateness. Tracking per partition, in checkpointed state, makes the flag a function of the
 * partition's order alone: the same after a restart or a replay, whatever the interleaving of
 * partitions and the timing of periodic watermarks. Gauge {@code eventTimeLagMs}: wall clock minus
 * the newest event time seen.
 */
public final class FlagLateEvents extends ProcessFunction<BronzeEvent, BronzeEvent>
        implements CheckpointedFunction {

    private static final long serialVersionUID = 1L;

    private final long horizonMillis;

    private transient Map<String, Long> newest;
    private transient ListState<PartitionEventTime> checkpointed;
    private transient Counter late;
    private transient volatile long newestOverall;

    public FlagLateEvents(Duration outOfOrderness, Duration allowedLateness) {
        this.horizonMillis = outOfOrderness.plus(allowedLateness).toMillis();
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
        // Split (not union) list state: a job whose bounded input finishes on some subtasks
        // before others can still checkpoint. Without rescaling each subtask gets its own
        // partitions back; after rescaling, a partition whose clock went elsewhere restarts its
        // clock, so its first late events may go unflagged.
        checkpointed =
                context.getOperatorStateStore()
                        .getListState(
                                new ListStateDescriptor<>(
                                        "newest-event-time-per-partition",
                                        TypeInformation.of(PartitionEventTime.class)));
        newest = new HashMap<>();
        for (PartitionEventTime p : checkpointed.get()) {
            newest.merge(p.partition, p.newestEventTime, Math::max);
        }
    }

    @Override
    public void open(OpenContext openContext) {
        late = getRuntimeContext().getMetricGroup().counter("lateEvents");
        newestOverall = newest.values().stream().mapToLong(Long::longValue).max().orElse(0L);
        getRuntimeContext()
                .getMetricGroup()
                .gauge(
                        "eventTimeLagMs",
                        () -> newestOverall == 0 ? 0L : System.currentTimeMillis() - newestOverall);
    }

    @Override
    public void processElement(BronzeEvent event, Context ctx, Collector<BronzeEvent> out) {
        String partition = event.getSource().getTopic() + "/" + event.getSource().getPartition();
        long eventTime = event.getEventTime().toEpochMilli();
        Long seen = newest.get(partition);
        if (seen == null || eventTime > seen) {
            newest.put(partition, eventTime);
            newestOverall = Math.max(newestOverall, eventTime);
        } else if (eventTime < seen - horizonMillis) {
            event.setLate(true);
            late.inc();
        }
        out.collect(event);
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
        List<PartitionEventTime> entries = new ArrayList<>(newest.size());
        newest.forEach((p, t) -> entries.add(new PartitionEventTime(p, t)));
        checkpointed.update(entries);
    }
}
