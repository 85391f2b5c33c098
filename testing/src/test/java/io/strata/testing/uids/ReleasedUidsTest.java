package io.strata.testing.uids;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleasedUidsTest {

    @TempDir Path dir;

    @Test
    void theReleasedUidsPass() throws IOException {
        Path list = list("# released", "t-source", "t-map", "t-sink");

        new ReleasedUids("t", list, false).assertReleased(graph("t-map"));
    }

    @Test
    void aRenamedUidFailsNamingBothAndHowToUpdateTheList() throws IOException {
        Path list = list("t-source", "t-map", "t-sink");

        assertThatThrownBy(
                        () -> new ReleasedUids("t", list, false).assertReleased(graph("t-mapper")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("- t-map\n")
                .hasMessageContaining("+ t-mapper")
                .hasMessageContaining("left behind")
                .hasMessageContaining("-Dstrata.uids.update=true");
    }

    @Test
    void updateModeRewritesTheList() throws IOException {
        Path list = list("t-source", "t-map", "t-sink");

        new ReleasedUids("t", list, true).assertReleased(graph("t-mapper"));

        new ReleasedUids("t", list, false).assertReleased(graph("t-mapper"));
        assertThat(Files.readAllLines(list)).contains("t-mapper").doesNotContain("t-map");
    }

    @Test
    void aConfigurationsGraphMayLeaveReleasedUidsOutButAddNone() throws IOException {
        Path list = list("t-source", "t-map", "t-sink", "t-kafka-sink");
        ReleasedUids released = new ReleasedUids("t", list, false);

        released.assertWithinReleased(graph("t-map"));
        assertThatThrownBy(() -> released.assertWithinReleased(graph("t-other")))
                .hasMessageContaining("+ t-other");
    }

    private Path list(String... lines) throws IOException {
        return Files.write(dir.resolve("t.txt"), List.of(lines));
    }

    private static OperatorUids graph(String mapUid) {
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.AUTO_GENERATE_UIDS, false);
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.fromSequence(1, 3)
                .uid("t-source")
                .map(n -> n + 1)
                .returns(Types.LONG)
                .uid(mapUid)
                .sinkTo(new DiscardingSink<>())
                .uid("t-sink");
        return OperatorUids.of(env);
    }
}
