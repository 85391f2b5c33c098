package io.strata.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class StartingOffsetsTest {

    @Test
    void offsetsReadAndWriteAsTopicSlashPartitionColonOffsetSorted() {
        Map<TopicPartition, Long> parsed =
                StartingOffsets.parse(
                        " silver.order_line/1:7, bronze.events/10:0,bronze.events/2:1200");
        assertThat(parsed)
                .containsExactly(
                        Map.entry(new TopicPartition("bronze.events", 2), 1200L),
                        Map.entry(new TopicPartition("bronze.events", 10), 0L),
                        Map.entry(new TopicPartition("silver.order_line", 1), 7L));
        assertThat(StartingOffsets.format(parsed))
                .isEqualTo("bronze.events/2:1200,bronze.events/10:0,silver.order_line/1:7");
    }

    @Test
    void malformedOffsetsAndMissingValuesAreRefusedWithTheEntry() {
        assertThatThrownBy(() -> StartingOffsets.parse("bronze.events:12"))
                .hasMessageContaining("Not topic/partition:offset: 'bronze.events:12'");
        assertThatThrownBy(() -> StartingOffsets.parse("bronze.events/0:-1"))
                .hasMessageContaining("'bronze.events/0:-1'");
        assertThatThrownBy(() -> StartingOffsets.parse("bronze.events/x:1"))
                .hasMessageContaining("'bronze.events/x:1'");
        assertThatThrownBy(() -> StartingOffsets.of(StartFrom.OFFSETS, null, " "))
                .hasMessageContaining("needs offsets");
        assertThatThrownBy(() -> StartingOffsets.of(StartFrom.TIMESTAMP, null, null))
                .hasMessageContaining("needs an ISO-8601 instant");
        assertThatThrownBy(() -> StartingOffsets.of(StartFrom.TIMESTAMP, "yesterday", null))
                .hasMessageContaining("Not an ISO-8601 instant: 'yesterday'");
    }
}
