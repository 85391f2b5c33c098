package io.strata.deploy;

import io.strata.common.config.ConfigPlaceholders;
import io.strata.common.config.StrataOptions;
import io.strata.common.flink.JobConfig;
import io.strata.common.kafka.KafkaClientProperties;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.GlobalConfiguration;

/**
 * The {@code cluster} profile as a job on the cluster reads it: flink-conf/strata-cluster.yaml with
 * placeholders resolved from a fake environment (secrets that must not leak anywhere), and the
 * Flink configuration of flink-conf/cluster/.
 */
final class ClusterProfile {

    static final Path JOBS_FILE = Repo.file("flink-conf/strata-cluster.yaml");
    static final Path FLINK_CONF_DIR = Repo.file("flink-conf/cluster");

    static final String KAFKA_PASSWORD = "kafka-pw-must-not-leak";
    static final String REGISTRY_USER_INFO = "strata:registry-pw-must-not-leak";

    /** What a Kubernetes Secret and the deployment's env give the JobManager. */
    static final Map<String, String> ENV =
            Map.ofEntries(
                    Map.entry("STRATA_KAFKA_BOOTSTRAP_SERVERS", "kafka-0.kafka:9093,kafka-1:9093"),
                    Map.entry("STRATA_KAFKA_USERNAME", "strata"),
                    Map.entry("STRATA_KAFKA_PASSWORD", KAFKA_PASSWORD),
                    Map.entry("STRATA_SCHEMA_REGISTRY_URL", "https://schema-registry:8081"),
                    Map.entry("STRATA_SCHEMA_REGISTRY_USER_INFO", REGISTRY_USER_INFO),
                    Map.entry("STRATA_ICEBERG_REST_URI", "http://iceberg-rest:8181"),
                    Map.entry("STRATA_ICEBERG_WAREHOUSE", "s3://strata-warehouse/"),
                    Map.entry("STRATA_S3_ENDPOINT", "http://minio:9000"),
                    Map.entry("STRATA_CDC_HOSTNAME", "postgres"));

    private ClusterProfile() {}

    /** The jobs' configuration, placeholders resolved from {@code env}. */
    static Map<String, String> jobs(Function<String, String> env) {
        return JobConfig.readFile(JOBS_FILE, new ConfigPlaceholders(env, Path.of("")));
    }

    static Map<String, String> jobs() {
        return jobs(ENV::get);
    }

    /** The Flink configuration of the cluster (conf/config.yaml of docker/ and the image). */
    static Configuration flink() {
        return GlobalConfiguration.loadConfiguration(FLINK_CONF_DIR.toString());
    }

    /**
     * What a job's {@code main} sees in application mode, the cluster's Flink configuration plus
     * the jobs' file, with only where it connects while building the graph replaced: the test
     * broker in place of the SASL cluster (topics and tenant controls are created and read while
     * building), a local Hadoop warehouse in place of the REST catalog (tables are created), and
     * the repository's tenants in place of the image's. Every other key stays as the profile has
     * it, so a misspelt or mistyped option still fails the build.
     */
    static Configuration forGraph(String bootstrapServers, Path warehouse) {
        Map<String, String> config = new HashMap<>(flink().toMap());
        config.putAll(jobs());
        config.keySet().removeIf(k -> k.startsWith(KafkaClientProperties.PREFIX));
        config.keySet().removeIf(k -> k.startsWith(StrataOptions.ICEBERG_CATALOG_PREFIX));
        config.put(StrataOptions.KAFKA_BOOTSTRAP_SERVERS.key(), bootstrapServers);
        config.put(StrataOptions.ICEBERG_CATALOG_TYPE.key(), "hadoop");
        config.put(StrataOptions.ICEBERG_WAREHOUSE.key(), warehouse.toUri().toString());
        config.put("silver.tenants.directory", Repo.file("schemas/tenants").toString());
        return Configuration.fromMap(config);
    }
}
