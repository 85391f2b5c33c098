package io.strata.tools.bench;

/**
 * One pipeline's run in one round of the benchmark.
 *
 * @param pipeline which pipeline ran
 * @param round the round (1-based); round 1 warms the cluster up and is not counted
 * @param events input records on the bench topic
 * @param rows what the pipeline wrote: Bronze rows (Strata), deduplicated rows (baseline), records
 *     read (raw)
 * @param seconds from start of processing to the commit covering every input record (raw: first to
 *     last record read)
 * @param cpuSeconds CPU time of the TaskManager process over the run (raw: of the consumer thread)
 * @param valid whether the row counts reconcile with the oracle
 * @param note why a run is invalid, or what else was seen
 * @param commits the Iceberg commits (snapshots) the run's output took; 0 for raw
 * @param dataFiles data files those commits added
 * @param dataBytes bytes of those files
 * @param checkpoints the run's checkpoint statistics
 */
public record Measurement(
        Pipeline pipeline,
        int round,
        long events,
        long rows,
        double seconds,
        double cpuSeconds,
        boolean valid,
        String note,
        long commits,
        long dataFiles,
        long dataBytes,
        CheckpointStats checkpoints) {

    /** The pipelines compared. */
    public enum Pipeline {
        STRATA("Strata bronze-ingest"),
        BASELINE("Flink SQL baseline"),
        RAW("raw KafkaConsumer");

        private final String label;

        Pipeline(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public double eventsPerSecond() {
        return seconds > 0 ? events / seconds : 0;
    }

    public double eventsPerCpuSecond() {
        return cpuSeconds > 0 ? events / cpuSeconds : 0;
    }

    /** This run with its checkpoint statistics. */
    public Measurement withCheckpoints(CheckpointStats stats) {
        return new Measurement(
                pipeline,
                round,
                events,
                rows,
                seconds,
                cpuSeconds,
                valid,
                note,
                commits,
                dataFiles,
                dataBytes,
                stats);
    }

    /** Data files per Iceberg commit. */
    public double filesPerCommit() {
        return commits > 0 ? (double) dataFiles / commits : 0;
    }

    /** This run, marked invalid for {@code why}. */
    public Measurement invalid(String why) {
        String all = note.isEmpty() ? why : note + "; " + why;
        return new Measurement(
                pipeline,
                round,
                events,
                rows,
                seconds,
                cpuSeconds,
                false,
                all,
                commits,
                dataFiles,
                dataBytes,
                checkpoints);
    }

    /** A run that failed before it could be measured. */
    public static Measurement failed(Pipeline pipeline, int round, long events, String why) {
        return new Measurement(
                pipeline, round, events, 0, 0, 0, false, why, 0, 0, 0, CheckpointStats.NONE);
    }
}
