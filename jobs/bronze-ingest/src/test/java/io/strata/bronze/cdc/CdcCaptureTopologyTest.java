package io.strata.bronze.cdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;

class CdcCaptureTopologyTest {

    @Test
    void theWholeGraphRunsAtParallelismOne() {
        Configuration config = new Configuration();
        StreamGraph graph = CdcCaptureJob.environment(config).getStreamGraph();

        assertThat(graph.getStreamNodes()).extracting(StreamNode::getParallelism).containsOnly(1);
    }

    @Test
    void slotNamesPostgresWouldRefuseAreRefusedAtStart() {
        Configuration config = new Configuration();
        config.set(CdcCaptureOptions.SLOT_NAME, "Strata-CDC");

        assertThatThrownBy(() -> PostgresCdcSource.create(config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cdc.source.slot-name");
    }

    @Test
    void tablesMustBeNamedWithTheirSchema() {
        Configuration config = new Configuration();
        config.setString("cdc.source.tables", "customers");

        assertThatThrownBy(() -> PostgresCdcSource.create(config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("schema.table");
    }
}
