package io.strata.testing.upgrade;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.runtime.operators.testutils.MockEnvironment;
import org.apache.flink.runtime.operators.testutils.MockEnvironmentBuilder;
import org.apache.flink.runtime.operators.testutils.MockInputSplitProvider;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;

/**
 * A keyed operator harness whose task has the given user-code class loader, as a task on a cluster
 * has its job jar's: restored serializers resolve the state's classes through it. Otherwise like
 * the harness's own defaults (one subtask, max parallelism 1), so it restores their snapshots.
 */
public final class UserCodeHarness<K, IN, OUT>
        extends KeyedOneInputStreamOperatorTestHarness<K, IN, OUT> {

    private final MockEnvironment environment;

    private UserCodeHarness(
            OneInputStreamOperator<IN, OUT> operator,
            KeySelector<IN, K> key,
            TypeInformation<K> keyType,
            MockEnvironment environment)
            throws Exception {
        super(operator, key, keyType, environment);
        this.environment = environment;
    }

    public static <K, IN, OUT> UserCodeHarness<K, IN, OUT> of(
            OneInputStreamOperator<IN, OUT> operator,
            KeySelector<IN, K> key,
            TypeInformation<K> keyType,
            ClassLoader userCode)
            throws Exception {
        MockEnvironment environment =
                new MockEnvironmentBuilder()
                        .setTaskName("v2")
                        .setManagedMemorySize(3 * 1024 * 1024)
                        .setInputSplitProvider(new MockInputSplitProvider())
                        .setBufferSize(1024)
                        .setMaxParallelism(1)
                        .setParallelism(1)
                        .setSubtaskIndex(0)
                        .setUserCodeClassLoader(userCode)
                        .build();
        return new UserCodeHarness<>(operator, key, keyType, environment);
    }

    @Override
    public void close() throws Exception {
        try {
            super.close();
        } finally {
            environment.close();
        }
    }
}
