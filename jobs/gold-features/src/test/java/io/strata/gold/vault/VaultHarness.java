package io.strata.gold.vault;

import java.util.List;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.contrib.streaming.state.EmbeddedRocksDBStateBackend;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.StateBackend;
import org.apache.flink.runtime.state.hashmap.HashMapStateBackend;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;

/**
 * A vault operator in Flink's keyed test harness, keyed by the table's hash key as in the graph, on
 * a chosen state backend and with Kryo disabled (any generic type in state fails the test).
 */
final class VaultHarness<T extends SpecificRecordBase> implements AutoCloseable {

    /** The state backends every stateful test runs on. */
    enum Backend {
        HEAP,
        ROCKSDB;

        StateBackend create() {
            return this == HEAP ? new HashMapStateBackend() : new EmbeddedRocksDBStateBackend();
        }
    }

    private final KeyedOneInputStreamOperatorTestHarness<String, T, T> harness;
    private int taken;

    private VaultHarness(KeyedOneInputStreamOperatorTestHarness<String, T, T> harness) {
        this.harness = harness;
    }

    /** {@code function} over {@code table}'s rows, restored from {@code state} unless null. */
    static <T extends SpecificRecordBase> VaultHarness<T> open(
            KeyedProcessFunction<String, T, T> function,
            VaultTable table,
            Backend backend,
            OperatorSubtaskState state)
            throws Exception {
        var harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(function),
                        new HashKeyOf<T>(table),
                        Types.STRING);
        harness.getExecutionConfig().disableGenericTypes();
        harness.setStateBackend(backend.create());
        if (state != null) {
            harness.initializeState(state);
        }
        harness.open();
        return new VaultHarness<>(harness);
    }

    void process(T row) throws Exception {
        harness.processElement(new StreamRecord<>(row));
    }

    /** The rows emitted since the last call. */
    List<T> emitted() {
        List<T> all = harness.extractOutputValues();
        List<T> fresh = List.copyOf(all.subList(taken, all.size()));
        taken = all.size();
        return fresh;
    }

    OperatorSubtaskState snapshot() throws Exception {
        return harness.snapshot(1L, 1L);
    }

    @Override
    public void close() throws Exception {
        harness.close();
    }
}
