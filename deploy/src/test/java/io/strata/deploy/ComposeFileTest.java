package io.strata.deploy;

import static io.strata.deploy.YamlFiles.asList;
import static io.strata.deploy.YamlFiles.asMap;
import static io.strata.deploy.YamlFiles.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.strata.bronze.BronzeIngestOptions;
import io.strata.silver.SilverConformOptions;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;

/** docker/compose.yaml: the services the issue asks for, wired to what the project defines. */
class ComposeFileTest {

    private static final Map<String, Object> COMPOSE =
            YamlFiles.document(Repo.file("docker/compose.yaml"));
    private static final Map<String, Object> SERVICES = asMap(COMPOSE.get("services"));
    private static final List<String> FLINK_SERVICES =
            List.of("jobmanager", "taskmanager-1", "taskmanager-2", "submit-jobs");

    @Test
    void everyServiceOfTheDeploymentIsThere() {
        assertThat(SERVICES)
                .containsKeys(
                        "kafka",
                        "kafka-init",
                        "schema-registry",
                        "postgres",
                        "minio",
                        "minio-init",
                        "iceberg-rest",
                        "jobmanager",
                        "taskmanager-1",
                        "taskmanager-2",
                        "prometheus",
                        "grafana",
                        "submit-jobs");
        assertThat((String) service("kafka").get("image")).startsWith("apache/kafka:");
        assertThat(env("kafka")).containsEntry("KAFKA_PROCESS_ROLES", "broker,controller");
        assertThat((String) service("schema-registry").get("image"))
                .startsWith("confluentinc/cp-schema-registry:");
        assertThat(asList(service("postgres").get("command"))).contains("wal_level=logical");
        assertThat(at(service("submit-jobs"), "restart")).isEqualTo("no");
    }

    @Test
    void everyImageIsPinnedToATag() {
        SERVICES.forEach(
                (name, s) -> {
                    String image = (String) asMap(s).get("image");
                    assertThat(image).as(name).isNotNull().contains(":");
                    assertThat(image).as(name).doesNotEndWith(":latest");
                });
    }

    @Test
    void theFlinkServicesRunTheStrataImageBuiltFromTheDockerfile() {
        for (String name : FLINK_SERVICES) {
            Map<String, Object> s = service(name);
            assertThat((String) s.get("image"))
                    .as(name)
                    .isEqualTo(
                            "strata/flink-jobs:${STRATA_VERSION:-" + ProjectFacts.version() + "}");
            assertThat(at(s, "build", "dockerfile")).isEqualTo("docker/Dockerfile");
            assertThat(Repo.file("docker").resolve((String) at(s, "build", "context")))
                    .isEqualTo(Repo.file("docker/.."));
        }
        assertThat(asList(service("submit-jobs").get("command")))
                .containsExactly("/opt/strata/bin/submit-jobs.sh");
    }

    @Test
    void theJobsGetEveryVariableTheClusterProfileNeeds() {
        List<String> required = YamlFiles.requiredVariables(ClusterProfile.JOBS_FILE);
        String profile = ProjectFacts.read("flink-conf/strata-cluster.yaml");
        for (String name : FLINK_SERVICES) {
            assertThat(env(name)).as(name).containsKeys(required.toArray(String[]::new));
            // No misspelt variable the profile would never read.
            env(name).keySet().stream()
                    .filter(k -> k.startsWith("STRATA_"))
                    .forEach(k -> assertThat(profile).as(name + " " + k).contains(k));
        }
    }

    @Test
    void theJobsSaslSettingsAreOnesTheBrokerAccepts() throws Exception {
        Map<String, String> jobs = env("submit-jobs");
        assertThat(env("kafka").get("KAFKA_SASL_ENABLED_MECHANISMS"))
                .isEqualTo(jobs.get("STRATA_KAFKA_SASL_MECHANISM"));
        assertThat(env("kafka").get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP"))
                .contains(jobs.get("STRATA_KAFKA_SECURITY_PROTOCOL"));
        assertThat(Class.forName(jobs.get("STRATA_KAFKA_LOGIN_MODULE"))).isNotNull();
        assertThat(jobs.get("STRATA_KAFKA_BOOTSTRAP_SERVERS"))
                .isEqualTo(env("kafka").get("KAFKA_ADVERTISED_LISTENERS").replace("SASL://", ""));
    }

    @Test
    void secretsComeFromTheEnvironmentNeverFromTheFile() {
        SERVICES.keySet()
                .forEach(
                        name ->
                                env(name)
                                        .forEach(
                                                (key, value) -> {
                                                    if (looksSecret(key)) {
                                                        assertThat(value)
                                                                .as(name + " " + key)
                                                                .contains("${");
                                                    }
                                                }));
    }

    @Test
    void theTopicsItCreatesAreInputsOfTheJobs() {
        Pattern rawInputs =
                Pattern.compile(new Configuration().get(BronzeIngestOptions.TOPIC_PATTERN));
        String tenantsTopic = new Configuration().get(SilverConformOptions.TENANTS_TOPIC);
        List<String> created = topics(String.join("\n", commands("kafka-init")));
        assertThat(created).isNotEmpty();
        assertThat(created)
                .allSatisfy(
                        topic ->
                                assertThat(
                                                rawInputs.matcher(topic).matches()
                                                        || topic.equals(tenantsTopic))
                                        .as(topic)
                                        .isTrue());
    }

    @Test
    void theBucketsItCreatesHoldTheCheckpointsAndTheWarehouse() {
        String init = String.join("\n", commands("minio-init"));
        Configuration flink = ClusterProfile.flink();
        Set<String> needed =
                new java.util.HashSet<>(
                        List.of(
                                bucket(flink.toMap().get("execution.checkpointing.dir")),
                                bucket(flink.toMap().get("execution.checkpointing.savepoint-dir")),
                                bucket(env("submit-jobs").get("STRATA_ICEBERG_WAREHOUSE")),
                                bucket(env("iceberg-rest").get("CATALOG_WAREHOUSE"))));
        needed.forEach(b -> assertThat(init).contains("mc mb --ignore-existing strata/" + b));
        assertThat(flink.toMap().get("s3.endpoint")).isEqualTo("http://minio:9000");
    }

    @Test
    void prometheusScrapesEveryFlinkProcessOnTheReportersPort() {
        Map<String, Object> prometheus =
                YamlFiles.document(Repo.file("docker/compose/prometheus.yml"));
        String port = ClusterProfile.flink().toMap().get("metrics.reporter.prom.port");
        assertThat(scrapeTargets(prometheus))
                .containsExactlyInAnyOrder(
                        "jobmanager:" + port, "taskmanager-1:" + port, "taskmanager-2:" + port);
    }

    @Test
    void boundFilesExistAndGrafanaGetsTheDashboard() {
        SERVICES.forEach(
                (name, s) ->
                        asList(asMap(s).get("volumes")).stream()
                                .map(String::valueOf)
                                .filter(v -> v.startsWith("./"))
                                .forEach(
                                        v ->
                                                assertThat(
                                                                Repo.file("docker")
                                                                        .resolve(v.split(":")[0]))
                                                        .as(name + " " + v)
                                                        .exists()));
        assertThat(asList(service("grafana").get("volumes")))
                .contains("./grafana/strata.json:/var/lib/grafana/dashboards/strata.json:ro");
    }

    private static Map<String, Object> service(String name) {
        return asMap(SERVICES.get(name));
    }

    private static Map<String, String> env(String name) {
        return asMap(service(name).get("environment")).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> String.valueOf(e.getValue())));
    }

    private static List<String> commands(String name) {
        return asList(service(name).get("command")).stream().map(String::valueOf).toList();
    }

    private static List<String> topics(String script) {
        Matcher m = Pattern.compile("--create [^\\n]*--topic (\\S+)").matcher(script);
        List<String> topics = new ArrayList<>();
        while (m.find()) {
            topics.add(m.group(1));
        }
        return topics;
    }

    private static String bucket(String s3Uri) {
        return URI.create(s3Uri).getHost();
    }

    private static Set<String> scrapeTargets(Map<String, Object> prometheus) {
        return asList(prometheus.get("scrape_configs")).stream()
                .flatMap(c -> asList(asMap(c).get("static_configs")).stream())
                .flatMap(c -> asList(asMap(c).get("targets")).stream())
                .map(String::valueOf)
                .collect(Collectors.toSet());
    }

    private static boolean looksSecret(String key) {
        return key.contains("PASSWORD")
                || key.contains("SECRET")
                || key.contains("ACCESS_KEY")
                || key.contains("JAAS")
                || key.contains("USER_INFO");
    }
}
