package io.strata.tools.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jar a job runs is a copy a rebuild cannot change; without one, the module's jar. */
class DeployedJarsTest {

    @TempDir Path repo;

    @Test
    void aRecordedJarIsACopyThatOutlivesARebuild() throws IOException {
        StackHome home =
                new StackHome(repo, repo.resolve(".strata"), Configuration.fromMap(Map.of()));
        DeployedJars deployed = new DeployedJars(home);
        JobCatalog.Job bronze = JobCatalog.job("bronze-ingest");
        Path built = new JobCatalog(home).jar("bronze-ingest");

        assertThat(deployed.current(bronze)).isEqualTo(built);

        Files.createDirectories(built.getParent());
        Files.writeString(built, "v1");
        Path copy = deployed.record(bronze, built);
        Files.writeString(built, "v2");

        assertThat(deployed.current(bronze)).isEqualTo(copy).content().isEqualTo("v1");
        assertThat(deployed.record(bronze, copy)).isEqualTo(copy);
        assertThat(copy).content().isEqualTo("v1");
    }
}
