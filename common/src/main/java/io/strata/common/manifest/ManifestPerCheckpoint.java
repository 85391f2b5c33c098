package io.strata.common.manifest;

import io.strata.model.Layer;
import io.strata.model.ops.ManifestRecord;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Merges the partial windows of all subtasks (run with parallelism 1) and emits one manifest record
 * per (tenant, source, window) just before the barrier: aligned checkpoints deliver every partial
 * of window N before barrier N. End of input closes the last window.
 */
public class ManifestPerCheckpoint extends AbstractStreamOperator<ManifestRecord>
        implements OneInputStreamOperator<TenantWindow, ManifestRecord> {

    private static final long serialVersionUID = 1L;

    private final Layer layer;
    private final String job;

    private transient Map<Tuple3<String, String, Long>, TenantWindow> windows;

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
        Tuple3<String, String, Long> key = Tuple3.of(w.tenant, w.source, w.window);
        TenantWindow merged = windows.get(key);
        if (merged == null) {
            windows.put(key, w);
        } else {
            merged.merge(w);
        }
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
        long now = System.currentTimeMillis();
        windows.values()
                .forEach(
                        w ->
                                output.collect(
                                        new StreamRecord<>(
                                                ManifestRecords.of(w, layer, job, now))));
        windows.clear();
    }
}
