package io.strata.bronze;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.state.CheckpointListener;

/**
 * Passes records through slowly and throws after every {@code every} records, {@code failures}
 * times in all, each time only once a checkpoint has completed since the previous failure, so every
 * restart resumes from a real checkpoint. Counters are static: they survive the restarts (one JVM).
 */
public final class FailEveryNth<T> implements MapFunction<T, T>, CheckpointListener {

    private static final long serialVersionUID = 1L;

    public static final AtomicInteger FAILED = new AtomicInteger();
    private static final AtomicLong SEEN = new AtomicLong();
    private static volatile boolean checkpointSinceFailure;

    private final long every;
    private final int failures;
    private final long sleepMillis;

    public FailEveryNth(long every, int failures, long sleepMillis) {
        this.every = every;
        this.failures = failures;
        this.sleepMillis = sleepMillis;
        FAILED.set(0);
        SEEN.set(0);
        checkpointSinceFailure = false;
    }

    @Override
    public T map(T value) throws Exception {
        Thread.sleep(sleepMillis);
        long seen = SEEN.incrementAndGet();
        if (checkpointSinceFailure && seen >= every * (FAILED.get() + 1L)) {
            synchronized (FailEveryNth.class) {
                if (checkpointSinceFailure && FAILED.get() < failures) {
                    checkpointSinceFailure = false;
                    FAILED.incrementAndGet();
                    throw new IllegalStateException("Injected failure " + FAILED.get());
                }
            }
        }
        return value;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        checkpointSinceFailure = true;
    }
}
