package io.strata.common.manifest;

import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Adds up tallies per (tenant, source, window) and emits the windows just before each checkpoint
 * barrier (and at the end of input). A tally without a window counts in the current one. Emitted
 * before the barrier, the partial windows belong to the same checkpoint as the records they count,
 * so a restore neither loses nor double-counts them; no state is kept across checkpoints.
 */
public class TallyPerCheckpoint extends AbstractStreamOperator<TenantWindow>
        implements OneInputStreamOperator<ManifestTally, TenantWindow> {

    private static final long serialVersionUID = 1L;

    private transient Map<Tuple3<String, String, Long>, TenantWindow> windows;
    private transient ManifestWindow window;

    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        super.initializeState(context);
        window = ManifestWindow.startingAfter(context.getRestoredCheckpointId());
    }

    @Override
    public void open() throws Exception {
        super.open();
        windows = new HashMap<>();
    }

    @Override
    public void processElement(StreamRecord<ManifestTally> element) {
        ManifestTally t = element.getValue();
        long w = t.window == ManifestWindow.CURRENT ? window.current() : t.window;
        windows.computeIfAbsent(
                        Tuple3.of(t.tenant, t.source, w), k -> new TenantWindow(k.f0, k.f1, k.f2))
                .add(t);
    }

    @Override
    public void prepareSnapshotPreBarrier(long checkpointId) {
        flush();
        window.passed(checkpointId);
    }

    @Override
    public void finish() throws Exception {
        flush();
        super.finish();
    }

    private void flush() {
        windows.values().forEach(w -> output.collect(new StreamRecord<>(w)));
        windows.clear();
    }
}
