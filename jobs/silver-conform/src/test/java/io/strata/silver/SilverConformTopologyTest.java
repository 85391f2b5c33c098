package io.strata.silver;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.common.config.StrataOptions;
import io.strata.common.flink.StrataEnvironment;
import io.strata.silver.tenants.Hooli;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SilverConformTopologyTest {

    @TempDir Path warehouse;

    @Test
    void productionGraphHasTheReleasedUidsAndNoGenericTypes() {
        Configuration config = new Configuration();
        config.set(StrataOptions.ICEBERG_WAREHOUSE, warehouse.toUri().toString());
        config.set(SilverConformOptions.KAFKA_OUTPUT_ENABLED, false);
        StreamExecutionEnvironment env = StrataEnvironment.create(config);

        new SilverConformTopology(
                        config,
                        SilverConformJob.bronzeSource(config),
                        SilverConformJob.tenantSource(config),
                        SilverConformJob.controlSource(config),
                        List.of(Hooli.config()),
                        SilverConformJob.sinks(config))
                .build(env);
        StreamGraph graph = env.getStreamGraph();

        assertThat(env.getConfig().hasGenericTypesDisabled()).isTrue();
        // A uid names operator state in savepoints: changing one loses that state on upgrade.
        assertThat(graph.getStreamNodes())
                .extracting(StreamNode::getTransformationUID)
                .contains(
                        "silver-conform-bronze-source",
                        "silver-conform-decode",
                        "silver-conform-watermarks",
                        "silver-conform-tenants-source",
                        "silver-conform-tenants-validate",
                        "silver-conform-control-source",
                        "silver-conform-control-read",
                        "silver-conform-hold-paused",
                        "silver-conform-conform",
                        "silver-conform-sequence",
                        "silver-conform-iceberg-customer-rows",
                        "silver-conform-iceberg-customer-writer",
                        "silver-conform-iceberg-customer-committer",
                        "silver-conform-iceberg-order-line-writer",
                        "silver-conform-iceberg-quarantine-writer")
                .doesNotContainNull()
                .allSatisfy(uid -> assertThat(uid).startsWith("silver-conform-"));
    }
}
