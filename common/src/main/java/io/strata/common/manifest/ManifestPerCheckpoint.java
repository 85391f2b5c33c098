package io.strata.common.manifest;

import io.strata.common.lineage.CheckpointLineage;
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
 * of window N before barrier N. End of input closes the last window. With lineage on, it also
 * reports each completed checkpoint's tenants and offset ranges ({@link CheckpointLineage}).
 */
public class ManifestPerCheckpoint extends AbstractStreamOperator<ManifestRecord>
        implements OneInputStreamOperator<TenantWindow, ManifestRecord> {

    private static final long serialVersionUID = 1L;

    private final Layer layer;
    private final String job;
    private final CheckpointLineage lineage;

    private transient Map<Tuple3<String, String, Long>, TenantWindow> windows;

    public ManifestPerCheckpoint(Layer layer, String job) {
        this(layer, job, null);
    }

    /** With {@code lineage} (null: none) told about every window and completed checkpoint. */
    public ManifestPerCheckpoint(Layer layer, String job, CheckpointLineage lineage) {
        this.layer = layer;
        this.job = job;
        this.lineage = lineage;
    }

    @Override
    public void open() throws Exception {
        super.open();
        windows = new HashMap<>();
        if (lineage != null) {
            lineage.open(getRuntimeContext().getJobInfo().getJobId());
        }
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
        flush(checkpointId);
    }

    @Override
    public void finish() throws Exception {
        // Committed by the final checkpoint, whose id is not known yet.
        flush(Long.MAX_VALUE);
        super.finish();
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
        super.notifyCheckpointComplete(checkpointId);
        if (lineage != null) {
            lineage.completed(checkpointId);
        }
    }

    @Override
    public void close() throws Exception {
        if (lineage != null) {
            lineage.close();
        }
        super.close();
    }

    private void flush(long checkpointId) {
        if (lineage != null) {
            lineage.windows(checkpointId, windows.values());
        }
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
