package io.strata.testing.upgrade;

import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.StateBackend;

/**
 * The part of an upgrade test that runs v2: {@link JobV2#restore} loads the implementing class with
 * v2's class loader, so every Strata class it names is v2's. It restores v1's snapshots, runs v2 on
 * and returns what the test asserts on, in JDK types only (the test's own classes are v1's).
 *
 * @param <T> what the step returns
 */
public interface V2Step<T> {

    /** Restores {@code v1} (snapshots of v1's operators) on {@code backend} and runs v2. */
    T restore(StateBackend backend, OperatorSubtaskState... v1) throws Exception;
}
