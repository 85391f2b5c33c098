package io.strata.tools.bench;

import io.strata.tools.summary.IcebergCounts;
import io.strata.workload.Workload;
import io.strata.workload.oracle.Expectation;
import io.strata.workload.oracle.Oracle;
import io.strata.workload.oracle.SilverChangeLog;
import io.strata.workload.oracle.SilverEntity;
import io.strata.workload.oracle.SilverVersion;
import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;

/**
 * Whole-chain sustained throughput: bronze-ingest, silver-conform and gold-features submitted
 * together over the preloaded bench topic, each reading from the start, watched until every layer
 * holds what the oracle says: Bronze the accepted events, each Silver table its rows, and the Gold
 * feature history the rows the watermark can release. Gold computes features in event time and
 * waits for the watermark, so of a finite input it never releases the rows within its
 * out-of-orderness of the newest input event: those are left out of the expectation (see {@link
 * GoldExpectation}).
 */
final class ChainThroughput {

    private static final Duration POLL = Duration.ofSeconds(2);

    /** The Silver entities whose versions are Gold's feature input events (docs/gold.md). */
    static final Set<SilverEntity> FEATURE_INPUTS =
            Set.of(SilverEntity.ORDER, SilverEntity.SUPPORT_TICKET, SilverEntity.PRODUCT_RETURN);

    private final ChainJobs jobs;
    private final ClusterRun cluster;
    private final IcebergCommits commits;
    private final IcebergCounts counts;
    private final ChainLoad load;
    private final PrintStream out;

    ChainThroughput(
            ChainJobs jobs,
            ClusterRun cluster,
            IcebergCommits commits,
            IcebergCounts counts,
            ChainLoad load,
            PrintStream out) {
        this.jobs = jobs;
        this.cluster = cluster;
        this.commits = commits;
        this.counts = counts;
        this.load = load;
        this.out = out;
    }

    ChainMeasurement run(
            Workload workload,
            BenchTopic.Loaded input,
            ChainNames names,
            List<String> common,
            Map<String, List<String>> extra,
            ChainSettings chain,
            Duration timeout) {
        // The oracle again, offline, for the Silver change log that Gold's expectation needs.
        SilverChangeLog log = new SilverChangeLog();
        Expectation expected = Oracle.compute(workload.records(), workload.oracleOptions(), log);
        List<SilverVersion> versions = log.versions();
        GoldExpectation gold = GoldExpectation.of(versions, chain.goldOutOfOrderness());
        long bronzeRows = expected.bronzeTotal().accepted();
        double cpuAtSubmit = cluster.cpuNow();
        long submittedAt = System.currentTimeMillis();
        Optional<Map<String, String>> ids = jobs.submit(names, common, extra, out);
        if (ids.isEmpty()) {
            return ChainMeasurement.failed(input.records(), "flink run failed");
        }
        try {
            Optional<Map<String, Long>> running =
                    jobs.awaitRunning(ids.get(), Duration.ofMinutes(5));
            if (running.isEmpty()) {
                return ChainMeasurement.failed(input.records(), "the jobs did not all start");
            }
            out.printf(
                    "  all three jobs running after %.1f s%n",
                    (max(running.get()) - submittedAt) / 1e3);
            Watch watch = new Watch(names, bronzeRows, expected.silver().counts(), gold, chain);
            watch.versions = versions;
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline && !watch.over()) {
                Optional<String> ended = jobs.ended(ids.get());
                if (ended.isPresent()) {
                    return ChainMeasurement.failed(input.records(), "job " + ended.get());
                }
                ClusterRun.sleep(POLL);
                watch.poll();
                load.sample(watch.working(ids.get()), System.currentTimeMillis());
            }
            double cpu = cluster.cpuNow() - cpuAtSubmit;
            String note = watch.over() ? watch.note() : "timed out: " + watch.progress();
            return new ChainMeasurement(
                    input.records(),
                    bronzeRows,
                    versions.size(),
                    gold.rows(),
                    watch.goldRows,
                    submittedAt,
                    running.get().get("bronze-ingest"),
                    running.get().get("silver-conform"),
                    running.get().get("gold-features"),
                    watch.bronzeDoneAt,
                    watch.silverDoneAt,
                    watch.goldDoneAt,
                    cpu,
                    watch.over() && watch.rowsEqual,
                    note,
                    load.results());
        } finally {
            jobs.cancel(ids.get().values());
        }
    }

    private static long max(Map<String, Long> times) {
        return times.values().stream().mapToLong(Long::longValue).max().orElse(0);
    }

    /** The layers as the poll last saw them. */
    private final class Watch {
        private final ChainNames names;
        private final long bronzeRows;
        private final Map<String, Number> silverRows;
        private final GoldExpectation goldExpected;
        private final Duration quiet;
        private final Duration ooo;
        private List<SilverVersion> versions = List.of();
        private long bronzeDoneAt;
        private long silverDoneAt;
        private long goldDoneAt;
        private long goldRows = -1;
        private GoldHistory goldRead;
        private Long goldReadSnapshot;
        private long goldChangedAt = System.nanoTime();
        private String note = "";
        private boolean rowsEqual;

        Watch(
                ChainNames names,
                long bronzeRows,
                Map<String, ? extends Number> silverRows,
                GoldExpectation goldExpected,
                ChainSettings chain) {
            this.names = names;
            this.bronzeRows = bronzeRows;
            this.silverRows = Map.copyOf(silverRows);
            this.goldExpected = goldExpected;
            // Gold commits on checkpoints: a count unchanged for its idleness and a few
            // checkpoints will not change any more.
            this.quiet = chain.goldIdleness().plusSeconds(45);
            this.ooo = chain.goldOutOfOrderness();
        }

        boolean over() {
            return goldDoneAt > 0;
        }

        /** The jobs of {@code ids} (name → id) whose layer is not complete yet. */
        Map<String, String> working(Map<String, String> ids) {
            Map<String, String> working = new LinkedHashMap<>();
            ids.forEach(
                    (job, id) -> {
                        long doneAt =
                                switch (job) {
                                    case "bronze-ingest" -> bronzeDoneAt;
                                    case "silver-conform" -> silverDoneAt;
                                    default -> goldDoneAt;
                                };
                        if (doneAt == 0) {
                            working.put(job, id);
                        }
                    });
            return working;
        }

        String note() {
            return note;
        }

        void poll() {
            if (bronzeDoneAt == 0) {
                commits.reached(names.bronzeTable(), bronzeRows)
                        .ifPresent(r -> bronzeDoneAt = r.committedAt());
            }
            if (bronzeDoneAt > 0 && silverDoneAt == 0 && silverCaughtUp()) {
                silverDoneAt =
                        silverRows.keySet().stream()
                                .mapToLong(e -> lastDataChange(silverTable(e)))
                                .max()
                                .orElse(0);
                // Gold's quiet period counts from when it has all of Silver to read.
                goldChangedAt = System.nanoTime();
            }
            if (silverDoneAt > 0) {
                pollGold();
            }
        }

        /**
         * Gold is complete once its history holds a row as of the newest time the watermark can
         * release: rows are released in event-time order. A run is valid only when its row count
         * then equals the oracle's; the difference is reported either way. A history that stops
         * changing for the quiet period before that row is there is complete too, and explained
         * ({@link GoldShortfall}).
         */
        private void pollGold() {
            GoldHistory now = readGold();
            if (now.rows() != goldRows) {
                goldRows = now.rows();
                goldChangedAt = System.nanoTime();
            }
            if (!now.newest().isBefore(goldExpected.newest())) {
                goldDoneAt = lastDataChange(names.featureHistoryTable());
                long diff = goldRows - goldExpected.rows();
                note = "";
                if (diff != 0) {
                    note =
                            String.format(
                                    "Gold history holds %,d rows, the oracle %,d (%+.1f%%): %s",
                                    goldRows,
                                    goldExpected.rows(),
                                    100.0 * diff / goldExpected.rows(),
                                    commits.load(names.featureHistoryTable())
                                            .map(t -> GoldShortfall.explain(versions, ooo, t))
                                            .orElse("no table"));
                }
                rowsEqual = diff == 0;
            } else if (System.nanoTime() - goldChangedAt > quiet.toNanos()) {
                goldDoneAt = lastDataChange(names.featureHistoryTable());
                rowsEqual = false;
                note =
                        String.format(
                                "Gold history settled at %,d rows, newest %s, before the oracle's"
                                        + " newest released row %s: %s",
                                goldRows,
                                now.newest(),
                                goldExpected.newest(),
                                commits.load(names.featureHistoryTable())
                                        .map(t -> GoldShortfall.explain(versions, ooo, t))
                                        .orElse("no table"));
            }
        }

        /**
         * The Gold history as its current snapshot holds it, read again only when the snapshot
         * changed: a read is a scan of the whole table, and the bench's own CPU is the
         * TaskManager's loss (polling every two seconds cost most of a core at 300,000 events).
         */
        private GoldHistory readGold() {
            Optional<Table> table = commits.load(names.featureHistoryTable());
            Long snapshot =
                    table.map(Table::currentSnapshot).map(Snapshot::snapshotId).orElse(null);
            if (goldRead == null || !Objects.equals(snapshot, goldReadSnapshot)) {
                goldRead = GoldHistory.read(table, goldExpected.watermark());
                goldReadSnapshot = snapshot;
            }
            return goldRead;
        }

        private boolean silverCaughtUp() {
            return silverRows.entrySet().stream()
                    .allMatch(
                            e ->
                                    counts.rows(silverTable(e.getKey())).orElse(-1L)
                                            == e.getValue().longValue());
        }

        private String silverTable(String entity) {
            return names.silverNamespace()
                    + "."
                    + (entity.equals("return") ? "product_return" : entity);
        }

        String progress() {
            return String.format(
                    "Bronze %s, Silver %s, Gold history %,d of %,d rows",
                    bronzeDoneAt > 0 ? "complete" : commits.rows(names.bronzeTable()) + " rows",
                    silverDoneAt > 0 ? "complete" : "incomplete",
                    Math.max(goldRows, 0),
                    goldExpected.rows());
        }
    }

    /**
     * The commit time of the table's latest snapshot that changed data (added rows or deletes): of
     * an upserted table at rest, the commit that completed it; 0 when none did.
     */
    private long lastDataChange(String table) {
        Optional<Table> loaded = commits.load(table);
        long last = 0;
        if (loaded.isPresent()) {
            for (Snapshot s : loaded.get().snapshots()) {
                Map<String, String> summary = s.summary();
                if (!summary.getOrDefault("added-records", "0").equals("0")
                        || !summary.getOrDefault("added-delete-files", "0").equals("0")) {
                    last = Math.max(last, s.timestampMillis());
                }
            }
        }
        return last;
    }
}
