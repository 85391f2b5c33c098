package io.strata.common.manifest;

import io.strata.model.Layer;
import io.strata.model.ops.ManifestRecord;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Merges the partial windows of all subtasks (run with parallelism 1) and emits one manifest record
 * per (tenant, source) and checkpoint, just before the barrier: aligned checkpoints deliver every
 * partial of checkpoint N before it. End of input closes a last window.
 */
public class ManifestPerCheckpoint extends AbstractStreamOperator<ManifestRecord>
        implements OneInputStreamOperator<TenantWindow, ManifestRecord> {

    private static final long serialVersionUID = 1L;

    /** The window id of the end of input, after the last checkpoint. */
    public static final long END_OF_INPUT = Long.MAX_VALUE;

    private final Layer layer;
    private final String job;

    private transient Map<Tuple2<String, String>, TenantWindow> windows;

    public ManifestPerCheckpoint(Layer layer, String job) {
        this.layer = layer;
        this.job = job;
    }

    @Override
    public void open() throws Exception {
        super.open();
        windows = new HashMap<>();
    }

    @Override
    public void processElement(StreamRecord<TenantWindow> element) {
        TenantWindow w = element.getValue();
        TenantWindow merged = windows.get(Tuple2.of(w.tenant, w.source));
        if (merged == null) {
            windows.put(Tuple2.of(w.tenant, w.source), w);
        } else {
            merged.merge(w);
        }
    }

    @Override
    public void prepareSnapshotPreBarrier(long checkpointId) {
        flush(checkpointId);
    }

    @Override
    public void finish() throws Exception {
        flush(END_OF_INPUT);
        super.finish();
    }

    private void flush(long window) {
        long now = System.currentTimeMillis();
        windows.values()
                .forEach(
                        w ->
                                output.collect(
                                        new StreamRecord<>(
                                                ManifestRecords.of(w, layer, job, window, now))));
        windows.clear();
    }
}
