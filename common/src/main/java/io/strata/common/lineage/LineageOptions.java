package io.strata.common.lineage;

import static org.apache.flink.configuration.ConfigOptions.key;

import java.time.Duration;
import org.apache.flink.configuration.ConfigOption;

/** Where and how the jobs send OpenLineage run events; off unless a URL is given. */
public final class LineageOptions {

    public static final ConfigOption<String> URL =
            key("strata.lineage.openlineage.url")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "HTTP endpoint that receives the jobs' OpenLineage run events (POST,"
                                    + " JSON), e.g. Marquez's http://marquez:5000/api/v1/lineage."
                                    + " Unset: no events.");

    public static final ConfigOption<String> API_KEY =
            key("strata.lineage.openlineage.api-key")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Bearer token sent with every event, for endpoints that need one. A"
                                    + " secret: give it as ${env:NAME} or ${file:PATH}.");

    public static final ConfigOption<String> NAMESPACE =
            key("strata.lineage.openlineage.namespace")
                    .stringType()
                    .defaultValue("strata")
                    .withDescription(
                            "OpenLineage job namespace of the jobs (one per deployment, e.g."
                                    + " strata-prod); the job name is the Strata job's.");

    public static final ConfigOption<Duration> TIMEOUT =
            key("strata.lineage.openlineage.timeout")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(5))
                    .withDescription(
                            "Bound on sending one event. A failed or slow endpoint is logged and"
                                    + " skipped; it never holds up or fails the job.");

    private LineageOptions() {}
}
