package io.strata.testing.uids;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;

class OperatorUidsTest {

    @Test
    void everyOperatorsUidIsCollectedAndTheJobGraphsIdsDeriveFromThem() {
        StreamExecutionEnvironment env = ruled();
        pipeline(env, "t-map");

        assertThat(OperatorUids.of(env).uids()).containsExactly("t-map", "t-sink", "t-source");
    }

    @Test
    void theOperatorIdIsFlinksHashOfTheUid() {
        StreamExecutionEnvironment env = ruled();
        pipeline(env, "t-map");
        StreamGraph graph = env.getStreamGraph();
        StreamNode map =
                graph.getStreamNodes().stream()
                        .filter(n -> "t-map".equals(n.getTransformationUID()))
                        .findFirst()
                        .orElseThrow();

        assertThat(graph.getJobGraph().getVertices())
                .flatExtracting(v -> v.getOperatorIDs())
                .anySatisfy(
                        pair ->
                                assertThat(pair.getGeneratedOperatorID())
                                        .isEqualTo(OperatorUids.operatorId("t-map")));
        assertThat(map.getOperatorName()).isEqualTo("Map");
    }

    @Test
    void flinkPrintsTheIdAsItsHex() {
        // tools' ReleasedOperatorsTest names this id in Flink's messages with the same hex.
        assertThat(OperatorUids.operatorId("bronze-ingest-dedupe"))
                .hasToString("13422238ed056c5db24f818f45b329db");
    }

    @Test
    void twoOperatorsWithOneUidAreRefused() {
        StreamExecutionEnvironment env = ruled();
        pipeline(env, "t-source");

        assertThatThrownBy(() -> OperatorUids.of(env))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("share the uid 't-source'");
    }

    @Test
    void anOperatorWithoutUidIsRefused() {
        StreamExecutionEnvironment env = ruled();
        env.fromSequence(1, 3).uid("t-source").map(n -> n).returns(Types.LONG).print().uid("t-p");

        assertThatThrownBy(() -> OperatorUids.of(env))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("explicit .uid")
                .hasMessageContaining("Map");
    }

    @Test
    void anEnvironmentThatGeneratesUidsIsRefused() {
        Configuration conf = rules();
        conf.set(PipelineOptions.AUTO_GENERATE_UIDS, true);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        pipeline(env, "t-map");

        assertThatThrownBy(() -> OperatorUids.of(env))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("pipeline.auto-generate-uid: true");
    }

    @Test
    void anEnvironmentWithKryoFallbackIsRefused() {
        Configuration conf = rules();
        conf.set(PipelineOptions.GENERIC_TYPES, true);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        pipeline(env, "t-map");

        assertThatThrownBy(() -> OperatorUids.of(env))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("pipeline.generic-types: true");
    }

    private static void pipeline(StreamExecutionEnvironment env, String mapUid) {
        env.fromSequence(1, 3)
                .uid("t-source")
                .map(n -> n + 1)
                .returns(Types.LONG)
                .uid(mapUid)
                .sinkTo(new DiscardingSink<>())
                .uid("t-sink");
    }

    private static StreamExecutionEnvironment ruled() {
        return StreamExecutionEnvironment.getExecutionEnvironment(rules());
    }

    private static Configuration rules() {
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.AUTO_GENERATE_UIDS, false);
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        return conf;
    }
}
