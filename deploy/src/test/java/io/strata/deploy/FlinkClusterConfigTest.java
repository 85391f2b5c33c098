package io.strata.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateBackendOptions;
import org.junit.jupiter.api.Test;

/** flink-conf/cluster/config.yaml: known Flink keys, RocksDB, state on object storage. */
class FlinkClusterConfigTest {

    private final Configuration flink = ClusterProfile.flink();

    @Test
    void everyKeyIsOneFlinkKnows() {
        assertThat(flink.keySet())
                .isNotEmpty()
                .allSatisfy(key -> assertThat(FlinkOptionKeys.isKnown(key)).as(key).isTrue());
    }

    @Test
    void stateIsRocksDbWithIncrementalCheckpointsOnObjectStorage() {
        assertThat(flink.get(StateBackendOptions.STATE_BACKEND)).isEqualTo("rocksdb");
        assertThat(flink.get(CheckpointingOptions.INCREMENTAL_CHECKPOINTS)).isTrue();
        assertThat(flink.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY)).startsWith("s3://");
        assertThat(flink.get(CheckpointingOptions.SAVEPOINT_DIRECTORY)).startsWith("s3://");
        assertThat(flink.toMap()).containsEntry("s3.path.style.access", "true");
    }

    @Test
    void itHoldsNoObjectStoreKeys() {
        assertThat(flink.keySet()).doesNotContain("s3.access-key", "s3.secret-key");
    }
}
