package io.strata.silver.state;

import static io.strata.silver.state.Rows.MONDAY_9AM;
import static io.strata.silver.state.Rows.NINE_OH_ONE;
import static io.strata.silver.state.Rows.NINE_OH_THREE;
import static io.strata.silver.state.Rows.NINE_OH_TWO;
import static io.strata.silver.state.Rows.customer;
import static io.strata.silver.state.Rows.line;
import static io.strata.silver.state.Rows.order;
import static io.strata.silver.state.Rows.orderDelete;
import static org.assertj.core.api.Assertions.assertThat;

import io.strata.model.silver.Customer;
import io.strata.model.silver.Order;
import io.strata.model.silver.OrderLine;
import io.strata.silver.config.CanonicalEntity;
import io.strata.silver.state.SequenceSilverRowsTest.Backend;
import io.strata.testing.upgrade.JobV2;
import io.strata.testing.upgrade.UserCodeHarness;
import io.strata.testing.upgrade.V2Step;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.StateBackend;
import org.apache.flink.runtime.state.hashmap.HashMapStateBackend;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sequencer upgraded from v1 to v2 ({@code src/test/upgrade-v2}: {@link RowVersion} gains the
 * previous hash diff, {@code Customer} the column {@code previous_hash_diff} filled from it)
 * through a snapshot: v1's versions and master-data hash diffs still decide what is written.
 */
class SequenceSilverRowsUpgradeTest {

    private static final Duration TTL = Duration.ofDays(1);
    private static final Instant EIGHT_FIFTY_NINE = MONDAY_9AM.minus(Duration.ofMinutes(1));
    private static final Instant NINE_OH_FOUR = MONDAY_9AM.plus(Duration.ofMinutes(4));

    @ParameterizedTest
    @MethodSource("io.strata.silver.state.SequenceSilverRowsTest#backends")
    void v2KeepsV1sVersionsAndHashDiffsAndFillsTheNewColumnFromThenOn(Backend backend)
            throws Exception {
        OperatorSubtaskState v1;
        try (var harness = harness(backend.create().get(), null, null)) {
            process(harness, customer("A", MONDAY_9AM, 1));
            process(harness, order("placed", MONDAY_9AM, 2));
            process(harness, line("1", 2, MONDAY_9AM, 2));
            assertThat(written(harness)).containsExactly("customer A", "order o-1", "line 1 x2");
            v1 = harness.snapshot(1L, 100L);
        }

        List<String> v2 = JobV2.ofThisModule().restore(V2.class, backend.create().get(), v1);

        assertThat(v2)
                .containsExactly(
                        "customer B previous_hash_diff=A",
                        "customer A previous_hash_diff=B",
                        "order o-1 deleted",
                        "line 1 deleted");
    }

    /** Runs with v2's classes on v1's snapshot. */
    static final class V2 implements V2Step<List<String>> {

        @Override
        public List<String> restore(StateBackend backend, OperatorSubtaskState... v1)
                throws Exception {
            try (var harness = harness(backend, v1[0], getClass().getClassLoader())) {
                // Unchanged content, newer: v1's hash diff holds, nothing is written.
                process(harness, customer("A", NINE_OH_ONE, 3));
                // Older than v1's version: ignored.
                process(harness, customer("Z", EIGHT_FIFTY_NINE, 4));
                // Changed: written, naming v1's hash diff.
                process(harness, customer("B", NINE_OH_TWO, 5));
                process(harness, customer("B", NINE_OH_THREE, 6));
                process(harness, customer("A", NINE_OH_FOUR, 7));
                // v1's line read again: a no-op; the order's delete still finds the line.
                process(harness, line("1", 2, MONDAY_9AM, 2));
                process(harness, orderDelete(NINE_OH_ONE, 8));
                if (backend instanceof HashMapStateBackend) {
                    // The customer's version and the order's tombstone; the lines' map is empty.
                    assertThat(harness.numKeyedStateEntries()).isEqualTo(2);
                }
                return written(harness);
            }
        }
    }

    /** Every row the harness wrote: customers with v2's column (by name: v1 has no getter). */
    private static List<String> written(
            KeyedOneInputStreamOperatorTestHarness<String, SilverChange, Void> harness) {
        List<String> written = new ArrayList<>();
        for (CanonicalEntity entity :
                List.of(
                        CanonicalEntity.CUSTOMER,
                        CanonicalEntity.ORDER,
                        CanonicalEntity.ORDER_LINE)) {
            var out = harness.getSideOutput(SilverOutputs.of(entity));
            if (out != null) {
                out.forEach(r -> written.add(describe(r.getValue())));
            }
        }
        return written;
    }

    private static String describe(Object row) {
        if (row instanceof Customer c) {
            String v2 =
                    c.getSchema().getField("previous_hash_diff") == null
                            ? ""
                            : " previous_hash_diff=" + c.get("previous_hash_diff");
            return "customer " + c.getName() + v2;
        }
        if (row instanceof OrderLine l) {
            return "line "
                    + l.getLineKey()
                    + (l.getMeta().getDeleted() ? " deleted" : " x" + l.getQuantity());
        }
        Order o = (Order) row;
        return "order " + o.getOrderKey() + (o.getMeta().getDeleted() ? " deleted" : "");
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, SilverChange, Void> harness(
            StateBackend backend, OperatorSubtaskState restore, ClassLoader userCode)
            throws Exception {
        var operator = new KeyedProcessOperator<>(new SequenceSilverRows(TTL));
        var harness =
                userCode == null
                        ? new KeyedOneInputStreamOperatorTestHarness<>(
                                operator, new SequenceKey(), SequenceKey.TYPE)
                        : UserCodeHarness.of(
                                operator, new SequenceKey(), SequenceKey.TYPE, userCode);
        harness.getExecutionConfig().disableGenericTypes();
        harness.setStateBackend(backend);
        harness.setStateTtlProcessingTime(0);
        if (restore != null) {
            harness.initializeState(restore);
        }
        harness.open();
        return harness;
    }

    private static void process(
            KeyedOneInputStreamOperatorTestHarness<String, SilverChange, Void> harness,
            SilverChange change)
            throws Exception {
        harness.processElement(new StreamRecord<>(change, change.eventTime));
    }
}
