package io.strata.silver.state;

import static io.strata.silver.state.Rows.MONDAY_9AM;
import static io.strata.silver.state.Rows.NINE_OH_ONE;
import static io.strata.silver.state.Rows.NINE_OH_THREE;
import static io.strata.silver.state.Rows.NINE_OH_TWO;
import static io.strata.silver.state.Rows.customer;
import static io.strata.silver.state.Rows.customerDelete;
import static io.strata.silver.state.Rows.line;
import static io.strata.silver.state.Rows.order;
import static io.strata.silver.state.Rows.orderDelete;
import static org.assertj.core.api.Assertions.assertThat;

import io.strata.model.silver.Customer;
import io.strata.model.silver.EntityMeta;
import io.strata.model.silver.Order;
import io.strata.model.silver.OrderLine;
import io.strata.silver.config.CanonicalEntity;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.function.Supplier;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.contrib.streaming.state.EmbeddedRocksDBStateBackend;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.StateBackend;
import org.apache.flink.runtime.state.hashmap.HashMapStateBackend;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SequenceSilverRowsTest {

    private static final Duration TTL = Duration.ofDays(1);

    /** A state backend; only the heap backend can count keyed state entries. */
    record Backend(String name, Supplier<StateBackend> create, boolean countsEntries) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Backend> backends() {
        return List.of(
                new Backend("heap", HashMapStateBackend::new, true),
                new Backend("rocksdb", EmbeddedRocksDBStateBackend::new, false));
    }

    private static final Backend HEAP = backends().get(0);

    @ParameterizedTest
    @MethodSource("backends")
    void newerVersionWinsAndALateOlderOneIsIgnored(Backend backend) throws Exception {
        try (var harness = harness(backend, null)) {
            process(harness, customer("Anna", NINE_OH_TWO, 2));
            process(harness, customer("Ann", NINE_OH_ONE, 1));
            process(harness, customer("Annie", NINE_OH_THREE, 3));

            assertThat(customers(harness)).containsExactly("Anna", "Annie");
            assertThat(superseded(harness, CanonicalEntity.CUSTOMER, Customer.class))
                    .as("master data: its compacted topic keeps the latest row per key")
                    .isEmpty();
            assertEntries(harness, backend, 1);
        }
    }

    @Test
    void sameEventTimeIsOrderedBySourcePosition() throws Exception {
        try (var harness = harness(HEAP, null)) {
            process(harness, customer("Anna", NINE_OH_ONE, 7));
            process(harness, customer("Ann", NINE_OH_ONE, 6));
            process(harness, customer("Annie", NINE_OH_ONE, 8));

            assertThat(customers(harness)).containsExactly("Anna", "Annie");
        }
    }

    @Test
    void unchangedMasterDataIsNotWrittenAgainButAToBToAIs() throws Exception {
        try (var harness = harness(HEAP, null)) {
            process(harness, customer("A", MONDAY_9AM, 1));
            process(harness, customer("A", NINE_OH_ONE, 2));
            process(harness, customer("B", NINE_OH_TWO, 3));
            process(harness, customer("A", NINE_OH_THREE, 4));

            assertThat(customers(harness)).containsExactly("A", "B", "A");
            MasterDataRatio ratio = function(harness).ratio();
            assertThat(ratio.copiesSeen()).isEqualTo(4);
            assertThat(ratio.rowsWritten()).isEqualTo(3);
        }
    }

    @Test
    void aNewerUnchangedCopyStillOutranksAnOlderChange() throws Exception {
        try (var harness = harness(HEAP, null)) {
            process(harness, customer("A", MONDAY_9AM, 1));
            process(harness, customer("A", NINE_OH_TWO, 3));
            process(harness, customer("B", NINE_OH_ONE, 2));

            assertThat(customers(harness)).containsExactly("A");
        }
    }

    @Test
    void theSameRecordReadTwiceIsANoOp() throws Exception {
        try (var harness = harness(HEAP, null)) {
            process(harness, order("placed", MONDAY_9AM, 1));
            process(harness, order("placed", MONDAY_9AM, 1));

            assertThat(orders(harness)).containsExactly("placed");
            assertThat(superseded(harness, CanonicalEntity.ORDER, Order.class))
                    .as("the same version again is not an older one")
                    .isEmpty();
        }
    }

    @Test
    void aLateOlderTransactionalVersionIsPublishedNotApplied() throws Exception {
        try (var harness = harness(HEAP, null)) {
            process(harness, order("paid", NINE_OH_TWO, 2));
            process(harness, order("placed", NINE_OH_ONE, 1));

            assertThat(orders(harness)).containsExactly("paid");
            assertThat(superseded(harness, CanonicalEntity.ORDER, Order.class))
                    .extracting(Order::getStatus)
                    .as("for the topics only, after the newer version")
                    .containsExactly("placed");
        }
    }

    @Test
    void transactionalRowsAreWrittenWheneverANewerVersionArrives() throws Exception {
        try (var harness = harness(HEAP, null)) {
            process(harness, order("placed", MONDAY_9AM, 1));
            process(harness, order("placed", NINE_OH_ONE, 2));

            assertThat(orders(harness)).containsExactly("placed", "placed");
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void aDeleteIsWrittenAndAnOlderUpdateCannotResurrectTheRow(Backend backend) throws Exception {
        try (var harness = harness(backend, null)) {
            process(harness, customer("A", MONDAY_9AM, 1));
            process(harness, customerDelete(NINE_OH_TWO, 3));
            process(harness, customer("B", NINE_OH_ONE, 2));
            process(harness, customerDelete(NINE_OH_TWO, 3));

            assertThat(customers(harness)).containsExactly("A", "deleted");
            assertEntries(harness, backend, 1);

            process(harness, customer("C", NINE_OH_THREE, 4));
            assertThat(customers(harness)).containsExactly("A", "deleted", "C");
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void deletingAnOrderDeletesItsLinesAndRefusesLateOnes(Backend backend) throws Exception {
        try (var harness = harness(backend, null)) {
            process(harness, order("placed", MONDAY_9AM, 1));
            process(harness, line("1", 2, MONDAY_9AM, 1));
            process(harness, line("2", 1, MONDAY_9AM, 1));
            process(harness, orderDelete(NINE_OH_TWO, 3));
            process(harness, order("paid", NINE_OH_ONE, 2));
            process(harness, line("1", 5, NINE_OH_ONE, 2));

            assertThat(orders(harness)).containsExactly("placed", "deleted");
            assertThat(lines(harness))
                    .containsExactlyInAnyOrder("1 x2", "2 x1", "1 deleted", "2 deleted");
            List<OrderLine> deletes =
                    rows(harness, CanonicalEntity.ORDER_LINE, OrderLine.class).stream()
                            .filter(l -> l.getMeta().getDeleted())
                            .toList();
            assertThat(deletes)
                    .allSatisfy(
                            l -> {
                                assertThat(l.getOrderKey()).isEqualTo("o-1");
                                assertThat(l.getMeta().getEventTime()).isEqualTo(NINE_OH_TWO);
                                assertThat(l.getMeta().getSourceEventId()).isEqualTo("e-3");
                                assertThat(l.getMeta().getManifestId())
                                        .isEqualTo(Rows.manifestId(3));
                            });
            assertEntries(harness, backend, 1);
        }
    }

    @Test
    void aNewerOrderRevivesADeletedOne() throws Exception {
        try (var harness = harness(HEAP, null)) {
            process(harness, order("placed", MONDAY_9AM, 1));
            process(harness, orderDelete(NINE_OH_ONE, 2));
            process(harness, order("placed", NINE_OH_TWO, 3));
            process(harness, line("1", 3, NINE_OH_TWO, 3));

            assertThat(orders(harness)).containsExactly("placed", "deleted", "placed");
            assertThat(lines(harness)).containsExactly("1 x3");
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void versionsSurviveSnapshotAndRestore(Backend backend) throws Exception {
        OperatorSubtaskState snapshot;
        try (var harness = harness(backend, null)) {
            process(harness, customer("A", NINE_OH_TWO, 2));
            process(harness, order("placed", MONDAY_9AM, 1));
            process(harness, line("1", 2, MONDAY_9AM, 1));
            snapshot = harness.snapshot(1L, 100L);
        }
        try (var restored = harness(backend, snapshot)) {
            assertEntries(restored, backend, 3);
            process(restored, customer("B", NINE_OH_ONE, 1));
            process(restored, customer("A", NINE_OH_THREE, 3));
            process(restored, line("1", 2, MONDAY_9AM, 1));
            process(restored, orderDelete(NINE_OH_ONE, 4));

            assertThat(customers(restored)).isEmpty();
            assertThat(orders(restored)).containsExactly("deleted");
            assertThat(lines(restored)).containsExactly("1 deleted");
        }
    }

    @Test
    void versionsAreForgottenAfterTheTtl() throws Exception {
        try (var harness = harness(HEAP, null)) {
            process(harness, customer("A", NINE_OH_TWO, 2));
            harness.setStateTtlProcessingTime(TTL.toMillis() - 1);
            process(harness, customer("B", NINE_OH_ONE, 1));
            assertThat(customers(harness)).containsExactly("A");

            harness.setStateTtlProcessingTime(TTL.toMillis() + 1);
            process(harness, customer("B", NINE_OH_ONE, 1));
            assertThat(customers(harness)).containsExactly("A", "B");
        }
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, SilverChange, Void> harness(
            Backend backend, OperatorSubtaskState restore) throws Exception {
        var harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(new SequenceSilverRows(TTL)),
                        new SequenceKey(),
                        SequenceKey.TYPE);
        // Any Kryo fallback in state or keys fails the test.
        harness.getExecutionConfig().disableGenericTypes();
        harness.setStateBackend(backend.create().get());
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

    @SuppressWarnings("unchecked")
    private static SequenceSilverRows function(
            KeyedOneInputStreamOperatorTestHarness<String, SilverChange, Void> harness) {
        return (SequenceSilverRows)
                ((KeyedProcessOperator<String, SilverChange, Void>) harness.getOperator())
                        .getUserFunction();
    }

    private static <T extends SpecificRecordBase> List<T> rows(
            KeyedOneInputStreamOperatorTestHarness<String, SilverChange, Void> harness,
            CanonicalEntity entity,
            Class<T> type) {
        Queue<StreamRecord<SpecificRecordBase>> out =
                harness.getSideOutput(SilverOutputs.of(entity));
        return out == null ? List.of() : out.stream().map(r -> type.cast(r.getValue())).toList();
    }

    private static <T extends SpecificRecordBase> List<T> superseded(
            KeyedOneInputStreamOperatorTestHarness<String, SilverChange, Void> harness,
            CanonicalEntity entity,
            Class<T> type) {
        Queue<StreamRecord<SpecificRecordBase>> out =
                harness.getSideOutput(SilverOutputs.superseded(entity));
        return out == null ? List.of() : out.stream().map(r -> type.cast(r.getValue())).toList();
    }

    private static List<String> customers(
            KeyedOneInputStreamOperatorTestHarness<String, SilverChange, Void> harness) {
        return rows(harness, CanonicalEntity.CUSTOMER, Customer.class).stream()
                .map(c -> deleted(c.getMeta()) ? "deleted" : c.getName())
                .toList();
    }

    private static List<String> orders(
            KeyedOneInputStreamOperatorTestHarness<String, SilverChange, Void> harness) {
        return rows(harness, CanonicalEntity.ORDER, Order.class).stream()
                .map(o -> deleted(o.getMeta()) ? "deleted" : o.getStatus())
                .toList();
    }

    private static List<String> lines(
            KeyedOneInputStreamOperatorTestHarness<String, SilverChange, Void> harness) {
        return rows(harness, CanonicalEntity.ORDER_LINE, OrderLine.class).stream()
                .map(
                        l ->
                                l.getLineKey()
                                        + (deleted(l.getMeta())
                                                ? " deleted"
                                                : " x" + l.getQuantity()))
                .toList();
    }

    private static boolean deleted(EntityMeta meta) {
        return meta.getDeleted();
    }

    private static void assertEntries(
            KeyedOneInputStreamOperatorTestHarness<?, ?, ?> harness, Backend backend, int n) {
        if (backend.countsEntries()) {
            assertThat(harness.numKeyedStateEntries()).isEqualTo(n);
        }
    }
}
