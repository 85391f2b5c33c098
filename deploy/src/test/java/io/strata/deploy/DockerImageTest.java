package io.strata.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docker/Dockerfile and docker/submit-jobs.sh name what the build produces. */
class DockerImageTest {

    private static final String DOCKERFILE = ProjectFacts.read("docker/Dockerfile");
    private static final String SUBMIT = ProjectFacts.read("docker/submit-jobs.sh");

    @Test
    void theBaseIsFlinkOfTheProjectsLineOnJava17() {
        assertThat(DOCKERFILE)
                .containsPattern("(?m)^FROM flink:1\\.20\\.\\d+-scala_2\\.12-java17$");
    }

    @Test
    void theVersionArgumentIsTheProjectVersion() {
        assertThat(DOCKERFILE).contains("ARG STRATA_VERSION=" + ProjectFacts.version());
    }

    @Test
    void everyCopiedSourceExistsOrIsWhatTheBuildWrites() {
        for (String source : copySources()) {
            String path = source.replace("${STRATA_VERSION}", ProjectFacts.version());
            if (path.contains("/target/")) {
                assertThat(producedByTheBuild(path)).as(path).isTrue();
            } else {
                assertThat(Repo.file(path)).as(path).exists();
            }
        }
    }

    @Test
    void itCopiesEveryJobsJarAndTheProfileWhereTheSubmitterAndKubernetesLookForThem() {
        for (StrataJob job : StrataJob.values()) {
            assertThat(DOCKERFILE)
                    .contains(
                            "jobs/"
                                    + job.module
                                    + "/target/strata-"
                                    + job.module
                                    + "-${STRATA_VERSION}.jar /opt/strata/jobs/");
        }
        assertThat(DOCKERFILE)
                .contains("COPY flink-conf/strata-cluster.yaml /opt/strata/conf/strata.yaml")
                .contains("COPY flink-conf/cluster/config.yaml /opt/flink/conf/config.yaml")
                .contains("COPY flink-dist/target/cluster-extra-lib/ /opt/flink/lib/");
        String tenants = ClusterProfile.jobs().get("silver.tenants.directory");
        assertThat(DOCKERFILE).contains("COPY schemas/tenants/ " + tenants + "/");
        assertThat(SUBMIT).contains("CONF=/opt/strata/conf/strata.yaml");
    }

    @Test
    void theS3PluginIsEnabledForCheckpointsOnS3() {
        assertThat(DOCKERFILE)
                .contains("/opt/flink/opt/flink-s3-fs-hadoop-")
                .contains("/opt/flink/plugins/s3-fs-hadoop/");
    }

    @Test
    void theSubmitterRunsEveryJobWithItsJarAndMainClass() {
        Matcher m =
                Pattern.compile("\"([a-z-]+)\\|strata-([a-z-]+)-\\$V\\.jar\\|([^\"]+)\"")
                        .matcher(SUBMIT);
        List<String> submitted = new ArrayList<>();
        while (m.find()) {
            StrataJob job = StrataJob.named(m.group(1));
            submitted.add(job.jobName);
            assertThat(m.group(2)).as(job.jobName).isEqualTo(job.module);
            String entry = m.group(3);
            String main = entry.equals("-") ? ProjectFacts.jarMainClass(job.module) : entry;
            assertThat(job.needsEntryClass()).as(job.jobName).isEqualTo(!entry.equals("-"));
            assertThat(main).as(job.jobName).isEqualTo(job.mainClass.getName());
            assertThat(ProjectFacts.hasMain(main)).as(main).isTrue();
        }
        // In dependency order, as tools' JobCatalog lists them.
        assertThat(submitted)
                .containsExactly(
                        List.of(StrataJob.values()).stream()
                                .map(j -> j.jobName)
                                .toArray(String[]::new));
    }

    private static List<String> copySources() {
        List<String> sources = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^COPY (\\S+) \\S+$").matcher(DOCKERFILE);
        while (m.find()) {
            sources.add(m.group(1));
        }
        assertThat(sources).isNotEmpty();
        return sources;
    }

    /** A job module's shaded jar or a directory flink-dist's pom writes. */
    private static boolean producedByTheBuild(String path) {
        Map<String, String> writers =
                Map.of("flink-dist/target/cluster-extra-lib/", "flink-dist/pom.xml");
        if (writers.containsKey(path)) {
            return ProjectFacts.read(writers.get(path))
                    .contains("${project.build.directory}/cluster-extra-lib");
        }
        Matcher jar = Pattern.compile("jobs/([a-z-]+)/target/strata-\\1-(.+)\\.jar").matcher(path);
        return jar.matches()
                && jar.group(2).equals(ProjectFacts.version())
                && Files.isRegularFile(Repo.file("jobs/" + jar.group(1) + "/pom.xml"));
    }
}
