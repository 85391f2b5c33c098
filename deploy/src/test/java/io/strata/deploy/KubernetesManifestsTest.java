package io.strata.deploy;

import static io.strata.deploy.YamlFiles.asList;
import static io.strata.deploy.YamlFiles.asMap;
import static io.strata.deploy.YamlFiles.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.strata.common.config.StrataOptions;
import io.strata.common.flink.DeclaredOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.flink.configuration.ConfigOption;
import org.junit.jupiter.api.Test;

/**
 * k8s/: one FlinkDeployment per job in application mode with savepoint upgrades, resources, state
 * on object storage, the cluster profile from the ConfigMap and its secrets from the Secret.
 */
class KubernetesManifestsTest {

    private static final String CONF_DIR = "/opt/strata/conf";
    private static final Map<String, Object> KUSTOMIZATION =
            YamlFiles.document(Repo.file("k8s/kustomization.yaml"));
    private static final Map<String, Map<String, Object>> DEPLOYMENTS = deployments();

    @Test
    void everyJobHasOneDeploymentAndEveryDeploymentIsAJob() {
        assertThat(DEPLOYMENTS.keySet())
                .containsExactlyInAnyOrder(
                        List.of(StrataJob.values()).stream()
                                .map(j -> j.jobName)
                                .toArray(String[]::new));
    }

    @Test
    void eachRunsItsJarAndMainClassInApplicationModeWithSavepointUpgrades() {
        DEPLOYMENTS.forEach(
                (name, d) -> {
                    StrataJob job = StrataJob.named(name);
                    assertThat(d.get("apiVersion")).isEqualTo("flink.apache.org/v1beta1");
                    assertThat(at(d, "spec", "flinkVersion")).as(name).isEqualTo("v1_20");
                    assertThat((String) at(d, "spec", "image"))
                            .as(name)
                            .startsWith(imageName() + ":");
                    assertThat(at(d, "spec", "job", "jarURI"))
                            .as(name)
                            .isEqualTo(
                                    "local:///opt/strata/jobs/"
                                            + job.jarName(ProjectFacts.version()));
                    Object entry = at(d, "spec", "job", "entryClass");
                    String main =
                            entry == null ? ProjectFacts.jarMainClass(job.module) : (String) entry;
                    assertThat(main).as(name).isEqualTo(job.mainClass.getName());
                    assertThat(ProjectFacts.hasMain(main)).as(main).isTrue();
                    assertThat(at(d, "spec", "job", "upgradeMode")).as(name).isEqualTo("savepoint");
                    assertThat(at(d, "spec", "job", "state")).as(name).isEqualTo("running");
                });
    }

    @Test
    void theImageHoldsTheJarsTheDeploymentsName() {
        String dockerfile = ProjectFacts.read("docker/Dockerfile");
        DEPLOYMENTS
                .values()
                .forEach(
                        d -> {
                            String jar =
                                    ((String) at(d, "spec", "job", "jarURI"))
                                            .replace("local:///opt/strata/jobs/", "")
                                            .replace(ProjectFacts.version(), "${STRATA_VERSION}");
                            assertThat(dockerfile).contains(jar + " /opt/strata/jobs/");
                        });
        assertThat(asList(KUSTOMIZATION.get("images")))
                .anySatisfy(
                        i ->
                                assertThat(asMap(i))
                                        .containsEntry("name", imageName())
                                        .containsEntry("newTag", ProjectFacts.version()));
    }

    @Test
    void argumentsAreTheProfileFromTheConfigMapAndKnownOptions() {
        DEPLOYMENTS.forEach(
                (name, d) -> {
                    StrataJob job = StrataJob.named(name);
                    List<String> args =
                            asList(at(d, "spec", "job", "args")).stream()
                                    .map(String::valueOf)
                                    .toList();
                    assertThat(args)
                            .as(name)
                            .containsSequence("--config", CONF_DIR + "/strata.yaml");
                    Set<String> known = optionKeys(job);
                    for (int i = 0; i < args.size(); i += 2) {
                        String key = args.get(i).substring(2);
                        assertThat(key.equals("config") || known.contains(key)).as(key).isTrue();
                    }
                    Map<String, Object> pod = asMap(at(d, "spec", "podTemplate", "spec"));
                    assertThat(asList(pod.get("volumes")))
                            .anySatisfy(
                                    v ->
                                            assertThat(at(asMap(v), "configMap", "name"))
                                                    .isEqualTo("strata-config"));
                    assertThat(asList(mainContainer(d).get("volumeMounts")))
                            .anySatisfy(
                                    m -> assertThat(asMap(m)).containsEntry("mountPath", CONF_DIR));
                });
        assertThat(ProjectFacts.read("docs/operations-kubernetes.md"))
                .contains(
                        "create configmap strata-config \\\n"
                                + "  --from-file=strata.yaml=flink-conf/strata-cluster.yaml");
    }

    @Test
    void flinkConfigurationIsKnownKeysWithRocksDbAndStateOnObjectStorage() {
        DEPLOYMENTS.forEach(
                (name, d) -> {
                    Map<String, String> conf =
                            asMap(at(d, "spec", "flinkConfiguration")).entrySet().stream()
                                    .collect(
                                            Collectors.toMap(
                                                    Map.Entry::getKey,
                                                    e -> String.valueOf(e.getValue())));
                    assertThat(conf.keySet())
                            .allSatisfy(k -> assertThat(FlinkOptionKeys.isKnown(k)).as(k).isTrue());
                    assertThat(conf)
                            .as(name)
                            .containsEntry("state.backend.type", "rocksdb")
                            .containsEntry("state.backend.incremental", "true");
                    assertThat(conf.get("state.checkpoints.dir"))
                            .startsWith("s3://")
                            .endsWith(name);
                    assertThat(conf.get("state.savepoints.dir")).startsWith("s3://").endsWith(name);
                    assertThat(conf.get("high-availability.storageDir")).startsWith("s3://");
                });
    }

    @Test
    void resourcesAndParallelismAreSizedPerJob() {
        DEPLOYMENTS.forEach(
                (name, d) -> {
                    for (String role : List.of("jobManager", "taskManager")) {
                        assertThat(at(d, "spec", role, "resource", "memory")).as(name).isNotNull();
                        assertThat(at(d, "spec", role, "resource", "cpu")).as(name).isNotNull();
                    }
                    assertThat((Integer) at(d, "spec", "job", "parallelism")).as(name).isPositive();
                });
        // One replication slot, one reader.
        assertThat(at(DEPLOYMENTS.get("cdc-capture"), "spec", "job", "parallelism")).isEqualTo(1);
    }

    @Test
    void theProfilesVariablesComeFromTheEnvConfigMapAndSecretsOnlyFromTheSecret() {
        Map<String, Object> envConfigMap = YamlFiles.document(Repo.file("k8s/strata-env.yaml"));
        Set<String> plain = asMap(envConfigMap.get("data")).keySet();
        assertThat(plain).noneMatch(KubernetesManifestsTest::looksSecret);
        String docs = ProjectFacts.read("docs/operations-kubernetes.md");
        DEPLOYMENTS.forEach(
                (name, d) -> {
                    Map<String, Object> container = mainContainer(d);
                    assertThat(asList(container.get("envFrom")))
                            .anySatisfy(
                                    e ->
                                            assertThat(at(asMap(e), "configMapRef", "name"))
                                                    .isEqualTo("strata-env"));
                    Set<String> available = new HashSet<>(plain);
                    for (Object e : asList(container.get("env"))) {
                        Map<String, Object> var = asMap(e);
                        String varName = (String) var.get("name");
                        available.add(varName);
                        if (looksSecret(varName)) {
                            assertThat(var).as(name + " " + varName).doesNotContainKey("value");
                            assertThat(at(var, "valueFrom", "secretKeyRef", "name"))
                                    .isEqualTo("strata-secrets");
                            // The guide's kubectl create secret names every key.
                            assertThat(docs)
                                    .contains(
                                            "--from-literal="
                                                    + at(var, "valueFrom", "secretKeyRef", "key")
                                                    + "=");
                        }
                    }
                    assertThat(available)
                            .as(name)
                            .containsAll(YamlFiles.requiredVariables(ClusterProfile.JOBS_FILE));
                });
        assertThat(DEPLOYMENTS.get("cdc-capture").toString()).contains("STRATA_CDC_PASSWORD");
    }

    @Test
    void kustomizationListsEveryManifestThatExists() {
        List<String> resources =
                asList(KUSTOMIZATION.get("resources")).stream().map(String::valueOf).toList();
        assertThat(resources).allSatisfy(r -> assertThat(Repo.file("k8s").resolve(r)).exists());
    }

    private static Set<String> optionKeys(StrataJob job) {
        return DeclaredOptions.of(StrataOptions.class, job.options).options().stream()
                .map(ConfigOption::key)
                .collect(Collectors.toSet());
    }

    private static Map<String, Object> mainContainer(Map<String, Object> deployment) {
        return asList(at(deployment, "spec", "podTemplate", "spec", "containers")).stream()
                .map(YamlFiles::asMap)
                .filter(c -> "flink-main-container".equals(c.get("name")))
                .findFirst()
                .orElseThrow();
    }

    private static String imageName() {
        return (String) asMap(asList(KUSTOMIZATION.get("images")).get(0)).get("name");
    }

    private static boolean looksSecret(String name) {
        return name.contains("PASSWORD")
                || name.contains("SECRET")
                || name.contains("USER_INFO")
                || name.contains("ACCESS_KEY");
    }

    private static Map<String, Map<String, Object>> deployments() {
        Map<String, Map<String, Object>> found = new HashMap<>();
        List<String> resources = new ArrayList<>();
        asList(KUSTOMIZATION.get("resources")).forEach(r -> resources.add(String.valueOf(r)));
        for (String resource : resources) {
            Path file = Repo.file("k8s").resolve(resource);
            for (Map<String, Object> doc : YamlFiles.documents(file)) {
                if ("FlinkDeployment".equals(doc.get("kind"))) {
                    String name = (String) at(doc, "metadata", "name");
                    assertThat(found.put(name, doc)).as("two deployments " + name).isNull();
                }
            }
        }
        return found;
    }
}
