package io.strata.common.manifest;

import java.util.Arrays;

/**
 * The running totals of one (tenant, source) within one checkpoint window; mergeable, so partial
 * windows of parallel subtasks add up to the job's. A Flink POJO (arrays, no collections).
 */
public class TenantWindow {

    public String tenant;
    public String source;

    /** The manifest window (checkpoint id) these totals belong to. */
    public long window;

    public long accepted;
    public long duplicates;
    public long quarantined;
    public long late;

    /** Records held because the tenant is paused; not part of {@link #total()}. */
    public long held;

    public long minEventTime = Long.MAX_VALUE;
    public long maxEventTime = Long.MIN_VALUE;

    /** Sum of the accepted records' checksum prefixes (mod 2^64): independent of order. */
    public long checksum;

    /** Per Kafka partition of {@link #source}: the lowest and highest offset seen. */
    public int[] partitions = new int[0];

    public long[] firstOffsets = new long[0];
    public long[] lastOffsets = new long[0];

    /** The distinct manifest ids of the previous layer the counted records came from. */
    public String[] parents = new String[0];

    /**
     * Per entry of {@link #parents}: how many of that parent's records this window counted (any
     * outcome), and the sum of their checksum prefixes; what reconciliation compares with the
     * parent's own record count and checksum.
     */
    public long[] parentCounts = new long[0];

    public long[] parentChecksums = new long[0];

    public TenantWindow() {}

    public TenantWindow(String tenant, String source, long window) {
        this.tenant = tenant;
        this.source = source;
        this.window = window;
    }

    /** Counts one record. */
    public void add(ManifestTally t) {
        switch (t.outcome) {
            case ACCEPTED -> {
                accepted++;
                late += t.late ? 1 : 0;
                checksum += t.checksumPrefix;
                if (t.eventTime != Long.MIN_VALUE) {
                    minEventTime = Math.min(minEventTime, t.eventTime);
                    maxEventTime = Math.max(maxEventTime, t.eventTime);
                }
            }
            case DUPLICATE -> duplicates++;
            case QUARANTINED -> quarantined++;
            case HELD -> held++;
        }
        if (t.partition >= 0) {
            offsetRange(t.partition, t.offset, t.offset);
        }
        if (t.parent != null) {
            parent(t.parent, 1, t.checksumPrefix);
        }
    }

    /** Adds another partial window of the same (tenant, source). */
    public void merge(TenantWindow o) {
        accepted += o.accepted;
        duplicates += o.duplicates;
        quarantined += o.quarantined;
        late += o.late;
        held += o.held;
        checksum += o.checksum;
        minEventTime = Math.min(minEventTime, o.minEventTime);
        maxEventTime = Math.max(maxEventTime, o.maxEventTime);
        for (int i = 0; i < o.partitions.length; i++) {
            offsetRange(o.partitions[i], o.firstOffsets[i], o.lastOffsets[i]);
        }
        for (int i = 0; i < o.parents.length; i++) {
            parent(o.parents[i], o.parentCounts[i], o.parentChecksums[i]);
        }
    }

    public long total() {
        return accepted + duplicates + quarantined;
    }

    private void parent(String manifestId, long count, long checksum) {
        for (int i = 0; i < parents.length; i++) {
            if (parents[i].equals(manifestId)) {
                parentCounts[i] += count;
                parentChecksums[i] += checksum;
                return;
            }
        }
        int n = parents.length;
        parents = Arrays.copyOf(parents, n + 1);
        parentCounts = Arrays.copyOf(parentCounts, n + 1);
        parentChecksums = Arrays.copyOf(parentChecksums, n + 1);
        parents[n] = manifestId;
        parentCounts[n] = count;
        parentChecksums[n] = checksum;
    }

    private void offsetRange(int partition, long first, long last) {
        for (int i = 0; i < partitions.length; i++) {
            if (partitions[i] == partition) {
                firstOffsets[i] = Math.min(firstOffsets[i], first);
                lastOffsets[i] = Math.max(lastOffsets[i], last);
                return;
            }
        }
        int n = partitions.length;
        partitions = Arrays.copyOf(partitions, n + 1);
        firstOffsets = Arrays.copyOf(firstOffsets, n + 1);
        lastOffsets = Arrays.copyOf(lastOffsets, n + 1);
        partitions[n] = partition;
        firstOffsets[n] = first;
        lastOffsets[n] = last;
    }
}
