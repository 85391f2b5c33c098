package io.strata.bronze;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.state.CheckpointListener;

/**
 * Passes records through slowly and throws after every {@code every} records, {@code failures}
 * times in all. A failure waits for a checkpoint completed since the previous one, so the restart
 * resumes from a real checkpoint, but only for half a period: on a slow machine the checkpoint may
 * not come before the records run out, and then the failure happens anyway (the restart resumes
 * from an older checkpoint, which must lose nothing either). The failures are therefore certain
 * once {@code every * (failures + 0.5)} records have passed, counting the ones replayed after a
 * restart. Counters are static: they survive the restarts (one JVM).
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
        if (due(seen)) {
            synchronized (FailEveryNth.class) {
                if (due(seen) && FAILED.get() < failures) {
                    checkpointSinceFailure = false;
                    FAILED.incrementAndGet();
                    throw new IllegalStateException("Injected failure " + FAILED.get());
                }
            }
        }
        return value;
    }

    private boolean due(long seen) {
        long threshold = every * (FAILED.get() + 1L);
        return seen >= threshold && (checkpointSinceFailure || seen >= threshold + every / 2);
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        checkpointSinceFailure = true;
    }
}
