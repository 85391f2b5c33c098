package io.strata.common.lineage;

import io.strata.common.config.SecretKeys;
import io.strata.common.config.StrataOptions;
import io.strata.common.iceberg.IcebergCatalogs;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.flink.CatalogLoader;

/**
 * What a job's lineage events say and where they go, fixed when the graph is built and shipped with
 * it: the client's listener and the manifest operator on the cluster send the same job, the same
 * datasets and the same config version.
 *
 * @param url the endpoint events are POSTed to
 * @param apiKey bearer token, or null
 * @param timeout bound on one request
 * @param jobNamespace OpenLineage job namespace
 * @param job the Strata job's name
 * @param configVersion a digest of the job's configuration, secrets excluded
 * @param inputs datasets the job reads that are known before it runs
 * @param outputs datasets the job writes
 * @param icebergOutputs the Iceberg tables among the outputs ({@code namespace.table}; Iceberg's
 *     identifiers are not serializable), whose snapshots RUNNING events name
 * @param catalog loads those tables on the cluster
 * @param bootstrapServers Kafka's address, naming the topics found in the manifest windows
 */
public record LineageRun(
        String url,
        String apiKey,
        Duration timeout,
        String jobNamespace,
        String job,
        String configVersion,
        List<LineageDataset> inputs,
        List<LineageDataset> outputs,
        List<String> icebergOutputs,
        CatalogLoader catalog,
        String bootstrapServers)
        implements Serializable {

    /**
     * The job's lineage, or empty when {@link LineageOptions#URL} is unset or blank (a profile's
     * {@code ${env:NAME:-}}). Outputs are the given Iceberg tables and Kafka topics, inputs the
     * given topics.
     */
    public static Optional<LineageRun> of(
            ReadableConfig config,
            String job,
            List<String> inputTopics,
            List<TableIdentifier> icebergOutputs,
            List<String> outputTopics) {
        Optional<String> url = url(config);
        if (url.isEmpty()) {
            return Optional.empty();
        }
        String kafka = config.get(StrataOptions.KAFKA_BOOTSTRAP_SERVERS);
        String warehouse = config.get(StrataOptions.ICEBERG_WAREHOUSE);
        List<LineageDataset> outputs =
                Stream.concat(
                                icebergOutputs.stream()
                                        .map(t -> LineageDataset.iceberg(warehouse, t)),
                                outputTopics.stream().map(t -> LineageDataset.kafka(kafka, t)))
                        .toList();
        return Optional.of(
                new LineageRun(
                        url.get(),
                        config.getOptional(LineageOptions.API_KEY).orElse(null),
                        config.get(LineageOptions.TIMEOUT),
                        config.get(LineageOptions.NAMESPACE),
                        job,
                        configVersion(config),
                        inputTopics.stream().map(t -> LineageDataset.kafka(kafka, t)).toList(),
                        outputs,
                        icebergOutputs.stream().map(TableIdentifier::toString).toList(),
                        IcebergCatalogs.loader(config),
                        kafka));
    }

    /**
     * This run with {@code more} inputs after the declared ones: datasets other than Kafka topics,
     * such as the Postgres tables cdc-capture reads.
     */
    public LineageRun withInputs(List<LineageDataset> more) {
        return new LineageRun(
                url,
                apiKey,
                timeout,
                jobNamespace,
                job,
                configVersion,
                Stream.concat(inputs.stream(), more.stream()).toList(),
                outputs,
                icebergOutputs,
                catalog,
                bootstrapServers);
    }

    /** The endpoint, when lineage is on. */
    public static Optional<String> url(ReadableConfig config) {
        return config.getOptional(LineageOptions.URL).filter(u -> !u.isBlank());
    }

    /** A topic read by the job, named like the declared inputs. */
    LineageDataset topic(String topic) {
        return LineageDataset.kafka(bootstrapServers, topic);
    }

    /**
     * SHA-256 over the sorted configuration with secrets masked (their changes do not show, and no
     * digest of a secret leaves the job): equal versions, equal settings.
     */
    static String configVersion(ReadableConfig config) {
        String canonical = SecretKeys.masked(config.toMap()).toString();
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest(canonical.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Without the API key: settings end up in logs. */
    @Override
    public String toString() {
        return "LineageRun[" + job + " -> " + url + ", configVersion=" + configVersion + "]";
    }
}
