package io.strata.tools.bench;

import java.util.List;

/**
 * One run of the whole chain over the preloaded bench topic. Times are epoch millis; a layer's
 * completion is the commit time of the Iceberg snapshot that gave it the rows the oracle expects (0
 * when it never did).
 *
 * @param events raw records on the bench topic
 * @param bronzeRows Bronze events the oracle expects (what silver-conform reads)
 * @param silverVersions Silver row versions the oracle expects on the Silver topics (what
 *     gold-features reads)
 * @param goldRowsExpected rows of the feature history the oracle expects once Gold's watermark has
 *     passed every event it can (see {@link ChainThroughput})
 * @param goldRows rows the history table held at the end
 * @param submittedAt when the first {@code flink run} started
 * @param bronzeRunningAt when the last task of bronze-ingest was RUNNING (likewise the others: the
 *     jobs are submitted one after the other, so they start tens of seconds apart)
 * @param cpuSeconds TaskManager CPU from submission to the end of the watch
 * @param valid whether every layer reached the oracle's rows
 * @param note why not, or what else was seen
 * @param load where each job's time went while it worked towards its layer
 */
record ChainMeasurement(
        long events,
        long bronzeRows,
        long silverVersions,
        long goldRowsExpected,
        long goldRows,
        long submittedAt,
        long bronzeRunningAt,
        long silverRunningAt,
        long goldRunningAt,
        long bronzeDoneAt,
        long silverDoneAt,
        long goldDoneAt,
        double cpuSeconds,
        boolean valid,
        String note,
        List<ChainLoad.Job> load) {

    ChainMeasurement {
        load = List.copyOf(load);
    }

    static ChainMeasurement failed(long events, String why) {
        return new ChainMeasurement(
                events, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, false, why, List.of());
    }

    /** Submission to Gold complete: the whole-chain figure, start-up included. */
    double seconds() {
        return goldDoneAt > submittedAt && submittedAt > 0 ? (goldDoneAt - submittedAt) / 1e3 : 0;
    }

    double eventsPerSecond() {
        return seconds() > 0 ? events / seconds() : 0;
    }

    double eventsPerCpuSecond() {
        return cpuSeconds > 0 && goldDoneAt > 0 ? events / cpuSeconds : 0;
    }

    /** bronze-ingest running to Gold complete: its start-up excluded, the others' not. */
    double processingSeconds() {
        return seconds(bronzeRunningAt, goldDoneAt);
    }

    double processingEventsPerSecond() {
        return rate(events, bronzeRunningAt, goldDoneAt);
    }

    /** Raw records per second, bronze-ingest running to Bronze complete. */
    double bronzeRate() {
        return rate(events, bronzeRunningAt, bronzeDoneAt);
    }

    /** Bronze events per second, silver-conform running to Silver complete. */
    double silverRate() {
        return rate(bronzeRows, silverRunningAt, silverDoneAt);
    }

    /** Silver versions per second, gold-features running to Gold complete. */
    double goldRate() {
        return rate(silverVersions, goldRunningAt, goldDoneAt);
    }

    static double seconds(long from, long to) {
        return to > from && from > 0 ? (to - from) / 1e3 : 0;
    }

    private static double rate(long records, long from, long to) {
        double s = seconds(from, to);
        return s > 0 ? records / s : 0;
    }
}
