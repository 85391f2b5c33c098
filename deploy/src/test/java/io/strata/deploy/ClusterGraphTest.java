package io.strata.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.testing.TestServices;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every job's graph, built as its {@code main} builds it, from the cluster profile: the job options
 * of strata-cluster.yaml parse to their types, and the JobGraph the cluster would get carries the
 * profile's RocksDB, incremental checkpoints on object storage and interval.
 */
class ClusterGraphTest {

    @TempDir Path warehouse;

    @ParameterizedTest
    @EnumSource(StrataJob.class)
    void theJobGraphBuildsFromTheClusterProfile(StrataJob job) throws Exception {
        Configuration config =
                ClusterProfile.forGraph(TestServices.kafka().bootstrapServers(), warehouse);

        StreamGraph streamGraph = job.environment.apply(config).getStreamGraph();
        JobGraph jobGraph = streamGraph.getJobGraph();

        assertThat(jobGraph.getNumberOfVertices()).isPositive();
        Configuration submitted = jobGraph.getJobConfiguration();
        assertThat(submitted.get(StateBackendOptions.STATE_BACKEND)).isEqualTo("rocksdb");
        assertThat(submitted.get(CheckpointingOptions.INCREMENTAL_CHECKPOINTS)).isTrue();
        assertThat(submitted.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY)).startsWith("s3://");
        assertThat(submitted.get(CheckpointingOptions.SAVEPOINT_DIRECTORY)).startsWith("s3://");
        assertThat(
                        jobGraph.getCheckpointingSettings()
                                .getCheckpointCoordinatorConfiguration()
                                .getCheckpointInterval())
                .isEqualTo(Duration.ofSeconds(30).toMillis());
        // What the client ships to the JobManager must serialize.
        assertThat(InstantiationUtil.serializeObject(jobGraph)).isNotEmpty();
    }
}
