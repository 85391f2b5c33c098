package io.strata.common.manifest;

import io.strata.model.Layer;
import java.util.OptionalLong;

/**
 * The manifest window an operator is in: the id of the checkpoint that will commit the records it
 * emits now, i.e. one more than the last checkpoint it took part in (or was restored from). A
 * window is named by that id in every manifest record, and an event stamped with it in one operator
 * is counted in the same window by the manifest operators downstream, which see the same barriers.
 */
public final class ManifestWindow {

    /** A tally whose window its producer does not know: the tallying operator's current one. */
    public static final long CURRENT = -1;

    private long current;

    private ManifestWindow(long current) {
        this.current = current;
    }

    /** The first window after a start, fresh or restored from {@code restoredCheckpointId}. */
    public static ManifestWindow startingAfter(OptionalLong restoredCheckpointId) {
        return new ManifestWindow(restoredCheckpointId.orElse(0L) + 1);
    }

    public long current() {
        return current;
    }

    /** The barrier of {@code checkpointId} passed: later records belong to the next window. */
    public void passed(long checkpointId) {
        current = Math.max(current, checkpointId + 1);
    }

    /** {@code <job>:<window>}. */
    public static String batchId(String job, long window) {
        return job + ":" + window;
    }

    /** {@code <LAYER>/<tenant>/<source>/<job>:<window>}, the id of one manifest record. */
    public static String manifestId(
            Layer layer, String tenant, String source, String job, long window) {
        return layer + "/" + tenant + "/" + source + "/" + batchId(job, window);
    }
}
