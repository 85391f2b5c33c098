package io.strata.workload.progress;

import java.util.concurrent.locks.LockSupport;

/** Holds a loop to a target rate by sleeping whenever it runs ahead; rate 0 never waits. */
public final class RatePacer {

    private final double perSecond;
    private final long startNanos = System.nanoTime();
    private long permits;

    public RatePacer(double perSecond) {
        this.perSecond = perSecond;
    }

    /** Waits until the next item is due. */
    public void acquire() {
        if (perSecond <= 0) {
            return;
        }
        long due = startNanos + (long) (permits++ / perSecond * 1e9);
        long wait = due - System.nanoTime();
        if (wait > 1_000_000) {
            LockSupport.parkNanos(wait);
        }
    }
}
