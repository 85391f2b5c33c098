package io.strata.common.checksum;

import org.apache.flink.util.Preconditions;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;

/**
 * Which state of a table to read: the current snapshot of {@code main}, the head of a branch (or a
 * tag), or one snapshot by id.
 */
public record TableVersion(String ref, Long snapshotId) {

    public TableVersion {
        Preconditions.checkArgument(
                ref == null || snapshotId == null, "Read a branch or a snapshot, not both");
    }

    public static TableVersion current() {
        return new TableVersion(null, null);
    }

    public static TableVersion branch(String ref) {
        return new TableVersion(Preconditions.checkNotNull(ref), null);
    }

    public static TableVersion snapshot(long id) {
        return new TableVersion(null, id);
    }

    /**
     * The snapshot to read; null when the table has no snapshot yet (empty, only for {@link
     * #current()}).
     *
     * @throws IllegalArgumentException naming what is missing
     */
    Snapshot resolve(Table table, String name) {
        if (snapshotId != null) {
            Snapshot s = table.snapshot(snapshotId);
            Preconditions.checkArgument(s != null, "%s has no snapshot %s", name, snapshotId);
            return s;
        }
        if (ref != null) {
            Snapshot s = table.snapshot(ref);
            Preconditions.checkArgument(s != null, "%s has no branch or tag '%s'", name, ref);
            return s;
        }
        return table.currentSnapshot();
    }

    @Override
    public String toString() {
        if (snapshotId != null) {
            return "snapshot " + snapshotId;
        }
        return ref == null ? "main" : "branch " + ref;
    }
}
