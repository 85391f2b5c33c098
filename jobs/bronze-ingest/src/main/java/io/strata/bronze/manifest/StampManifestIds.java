package io.strata.bronze.manifest;

import io.strata.common.manifest.ManifestTally;
import io.strata.common.manifest.ManifestTally.Outcome;
import io.strata.common.manifest.ManifestWindow;
import io.strata.model.Layer;
import io.strata.model.bronze.BronzeEvent;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Writes on every accepted event the id of the Bronze manifest record that counts it ({@code
 * BRONZE/<tenant>/<source topic>/<job>:<window>}), and emits the event's tally for exactly that
 * window: the lineage Silver's manifest points to. Keeps no state; the window follows the
 * checkpoints it takes part in.
 */
public final class StampManifestIds extends ProcessFunction<BronzeEvent, BronzeEvent>
        implements CheckpointedFunction {

    private static final long serialVersionUID = 1L;

    /** The tallies of the stamped events. */
    public static final OutputTag<ManifestTally> TALLIES =
            new OutputTag<>("accepted-tallies", TypeInformation.of(ManifestTally.class));

    private final String job;
    private transient ManifestWindow window;

    public StampManifestIds(String job) {
        this.job = job;
    }

    @Override
    public void initializeState(FunctionInitializationContext context) {
        window = ManifestWindow.startingAfter(context.getRestoredCheckpointId());
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) {
        window.passed(context.getCheckpointId());
    }

    @Override
    public void processElement(BronzeEvent event, Context ctx, Collector<BronzeEvent> out) {
        long w = window.current();
        event.setManifestId(
                ManifestWindow.manifestId(
                        Layer.BRONZE, event.getTenantId(), event.getSource().getTopic(), job, w));
        ctx.output(TALLIES, ManifestTally.of(event, Outcome.ACCEPTED).inWindow(w));
        out.collect(event);
    }
}
