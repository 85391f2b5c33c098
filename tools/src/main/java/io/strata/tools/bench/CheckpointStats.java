package io.strata.tools.bench;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A run's checkpoints as Flink's REST API reports them ({@code /jobs/:id/checkpoints}), read just
 * before the job is cancelled.
 *
 * @param completed checkpoints completed during the run
 * @param p50Millis median end-to-end duration
 * @param maxMillis longest end-to-end duration
 * @param stateBytes full state size of the latest completed checkpoint
 * @param checkpointedBytes what the latest checkpoint wrote (incremental RocksDB: the new files)
 */
public record CheckpointStats(
        long completed, long p50Millis, long maxMillis, long stateBytes, long checkpointedBytes) {

    /** For a run without checkpoints (the raw consumer) or whose statistics could not be read. */
    public static final CheckpointStats NONE = new CheckpointStats(0, 0, 0, 0, 0);

    static CheckpointStats of(JsonNode checkpoints) {
        JsonNode duration = checkpoints.path("summary").path("end_to_end_duration");
        JsonNode latest = checkpoints.path("latest").path("completed");
        return new CheckpointStats(
                checkpoints.path("counts").path("completed").asLong(),
                duration.path("p50").asLong(),
                duration.path("max").asLong(),
                latest.path("state_size").asLong(),
                latest.path("checkpointed_size").asLong());
    }

    /** State bytes per key, for a job whose keyed state holds one entry per key. */
    public double bytesPerKey(long keys) {
        return keys > 0 ? (double) stateBytes / keys : 0;
    }
}
