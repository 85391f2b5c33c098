package io.strata.tools.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FaultKindTest {

    @Test
    void allIsEveryKindInDeclarationOrder() {
        assertThat(FaultKind.parseList("all")).containsExactly(FaultKind.values());
    }

    @Test
    void aListKeepsItsOrderAndRepeats() {
        assertThat(FaultKind.parseList("kafka-restart, taskmanager-kill,kafka-restart"))
                .containsExactly(
                        FaultKind.KAFKA_RESTART,
                        FaultKind.TASKMANAGER_KILL,
                        FaultKind.KAFKA_RESTART);
    }

    @Test
    void anUnknownKindIsNamedWithTheKnownOnes() {
        assertThatThrownBy(() -> FaultKind.parseList("task-failure,disk-full"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'disk-full'")
                .hasMessageContaining("checkpoint-failure");
    }

    @Test
    void slicesTakeFromTheSharedSequence() {
        var source = List.of(1, 2, 3, 4, 5).iterator();
        List<Integer> first = new java.util.ArrayList<>();
        ChaosWorkload.limit(source, 2).forEachRemaining(first::add);
        List<Integer> rest = new java.util.ArrayList<>();
        ChaosWorkload.limit(source, 10).forEachRemaining(rest::add);
        assertThat(first).containsExactly(1, 2);
        assertThat(rest).containsExactly(3, 4, 5);
    }

    @Test
    void featureColumnsAreTheRecordComponentsInSnakeCase() {
        assertThat(GoldComparison.snakeCase("orderCount30d")).isEqualTo("order_count_30d");
        assertThat(GoldComparison.snakeCase("avgOrderValue30d")).isEqualTo("avg_order_value_30d");
        assertThat(GoldComparison.snakeCase("customerHk")).isEqualTo("customer_hk");
        assertThat(GoldComparison.snakeCase("tenantId")).isEqualTo("tenant_id");
    }
}
