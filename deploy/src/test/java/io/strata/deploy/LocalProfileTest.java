package io.strata.deploy;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.common.flink.DeclaredOptions;
import io.strata.common.flink.JobConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code local} profile (flink-conf/strata-local.yaml, as {@code ./strata up} renders it) names
 * only keys the jobs declare, so every job starts from it; and a misspelt shared key is refused at
 * start instead of falling back to its default.
 */
class LocalProfileTest {

    @TempDir Path dir;

    @Test
    void everyJobAcceptsEveryKeyOfTheLocalProfile() throws IOException {
        Configuration config = Configuration.fromMap(localProfile());

        for (StrataJob job : StrataJob.values()) {
            assertThatCode(() -> DeclaredOptions.checkJob(config, job.options, job.prefix))
                    .as(job.name())
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void aMisspeltSharedKeyIsRefusedByEveryJob() throws IOException {
        Map<String, String> settings = localProfile();
        settings.put("strata.kafka.bootstrap-server", "kafka:9092");
        Configuration config = Configuration.fromMap(settings);

        for (StrataJob job : StrataJob.values()) {
            assertThatThrownBy(() -> DeclaredOptions.checkJob(config, job.options, job.prefix))
                    .as(job.name())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("[strata.kafka.bootstrap-server]");
        }
    }

    /** The file with its {{...}} placeholders filled as the stack fills them. */
    private Map<String, String> localProfile() throws IOException {
        String text =
                Files.readString(Repo.file("flink-conf/strata-local.yaml"))
                        .replaceAll("\\{\\{[a-z.]+\\.port\\}\\}", "19092")
                        .replace("{{stack.home}}", dir.toString())
                        .replace("{{postgres.database}}", "platform")
                        .replace("{{repo}}", Repo.file(".").toString());
        Path rendered = Files.writeString(dir.resolve("strata.yaml"), text);
        return new HashMap<>(JobConfig.readFile(rendered));
    }
}
