package io.strata.common.manifest;

import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Adds up tallies per (tenant, source) and emits the window just before each checkpoint barrier
 * (and at the end of input). Emitted before the barrier, the partial windows belong to the same
 * checkpoint as the records they count, so a restore neither loses nor double-counts them; no state
 * is kept across checkpoints.
 */
public class TallyPerCheckpoint extends AbstractStreamOperator<TenantWindow>
        implements OneInputStreamOperator<ManifestTally, TenantWindow> {

    private static final long serialVersionUID = 1L;

    private transient Map<Tuple2<String, String>, TenantWindow> windows;

    @Override
    public void open() throws Exception {
        super.open();
        windows = new HashMap<>();
    }

    @Override
    public void processElement(StreamRecord<ManifestTally> element) {
        ManifestTally t = element.getValue();
        windows.computeIfAbsent(Tuple2.of(t.tenant, t.source), k -> new TenantWindow(k.f0, k.f1))
                .add(t);
    }

    @Override
    public void prepareSnapshotPreBarrier(long checkpointId) {
        flush();
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
