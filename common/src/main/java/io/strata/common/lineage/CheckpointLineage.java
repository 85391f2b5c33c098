package io.strata.common.lineage;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strata.common.manifest.TenantWindow;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobID;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RUNNING events on completed checkpoints, from the manifest operator (parallelism 1), which sees
 * every tenant window of the job: the tenants and Kafka offset ranges each checkpoint committed,
 * and the Iceberg outputs' current snapshots. Sent from a thread of its own, so a slow endpoint or
 * catalog never delays the checkpoint notification.
 */
public final class CheckpointLineage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(CheckpointLineage.class);

    /** The snapshot summary key of Iceberg's Flink committer. */
    private static final String MAX_COMMITTED_CHECKPOINT = "flink.max-committed-checkpoint-id";

    private static final Duration COMMIT_WAIT = Duration.ofSeconds(2);

    private final LineageRun run;

    private transient NavigableMap<Long, List<TenantWindow>> pending;
    private transient ExecutorService sending;
    private transient LineageSender sender;
    private transient Catalog catalog;
    private transient JobID job;

    public CheckpointLineage(LineageRun run) {
        this.run = run;
    }

    public void open(JobID job) {
        this.job = job;
        this.pending = new TreeMap<>();
        this.sender = new LineageSender(run);
        this.sending =
                Executors.newSingleThreadExecutor(
                        r -> {
                            Thread t = new Thread(r, "strata-lineage-" + run.job());
                            t.setDaemon(true);
                            return t;
                        });
    }

    /**
     * The windows flushed before the barrier of {@code checkpointId} (or, at the end of input,
     * before the final one: {@link Long#MAX_VALUE}).
     */
    public void windows(long checkpointId, Collection<TenantWindow> windows) {
        if (!windows.isEmpty()) {
            pending.computeIfAbsent(checkpointId, id -> new ArrayList<>()).addAll(windows);
        }
    }

    /** One RUNNING event for everything flushed up to {@code checkpointId}. */
    public void completed(long checkpointId) {
        NavigableMap<Long, List<TenantWindow>> done = pending.headMap(checkpointId, true);
        if (pending.containsKey(Long.MAX_VALUE)) {
            done = pending; // the final checkpoint after end of input
        }
        List<TenantWindow> windows = new ArrayList<>();
        done.values().forEach(windows::addAll);
        done.clear();
        sending.execute(() -> send(checkpointId, windows));
    }

    /** Waits briefly for queued events: the final checkpoint's is sent as the job finishes. */
    public void close() throws InterruptedException {
        if (sending != null) {
            sending.shutdown();
            sending.awaitTermination(2 * run.timeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
        }
    }

    private void send(long checkpointId, List<TenantWindow> windows) {
        ObjectNode strata = OpenLineageEvents.facet();
        strata.put("checkpointId", checkpointId);
        Set<String> tenants = new TreeSet<>();
        Set<LineageDataset> inputs = new LinkedHashSet<>(run.inputs());
        ArrayNode offsets = strata.putArray("kafkaOffsets");
        for (TenantWindow w : windows) {
            tenants.add(w.tenant);
            for (int i = 0; i < w.partitions.length; i++) {
                inputs.add(run.topic(w.source));
                offsets.addObject()
                        .put("tenant", w.tenant)
                        .put("topic", w.source)
                        .put("partition", w.partitions[i])
                        .put("firstOffset", w.firstOffsets[i])
                        .put("lastOffset", w.lastOffsets[i]);
            }
        }
        tenants.forEach(strata.putArray("tenants")::add);
        snapshots(strata.putArray("icebergSnapshots"), checkpointId);
        sender.send(OpenLineageEvents.event("RUNNING", run, job, Instant.now(), strata, inputs));
    }

    /**
     * Each output's snapshot that committed the checkpoint: Iceberg's committer commits on the same
     * notification as this one, so it is waited for briefly; a table without new data in the
     * checkpoint (no commit) is reported with its current snapshot.
     */
    private void snapshots(ArrayNode out, long checkpointId) {
        long deadline = System.currentTimeMillis() + COMMIT_WAIT.toMillis();
        for (String name : run.icebergOutputs()) {
            TableIdentifier id = TableIdentifier.parse(name);
            try {
                Table table = catalog().loadTable(id);
                while (committed(table.currentSnapshot()) < checkpointId
                        && System.currentTimeMillis() < deadline) {
                    Thread.sleep(100);
                    table.refresh();
                }
                Snapshot current = table.currentSnapshot();
                if (current != null) {
                    out.addObject()
                            .put("table", id.toString())
                            .put("snapshotId", current.snapshotId())
                            .put("committedCheckpointId", committed(current));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("No snapshot of {} for the lineage event: {}", id, e.toString());
            }
        }
    }

    private static long committed(Snapshot snapshot) {
        if (snapshot == null) {
            return -1;
        }
        Map<String, String> summary = snapshot.summary();
        return Long.parseLong(summary.getOrDefault(MAX_COMMITTED_CHECKPOINT, "-1"));
    }

    private Catalog catalog() {
        if (catalog == null) {
            catalog = run.catalog().loadCatalog();
        }
        return catalog;
    }
}
