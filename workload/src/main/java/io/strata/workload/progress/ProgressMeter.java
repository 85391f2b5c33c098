package io.strata.workload.progress;

import java.time.Duration;

/** Counts work and reports it to a listener at most once per interval, plus once at the end. */
public final class ProgressMeter {

    private final String phase;
    private final long total;
    private final ProgressListener listener;
    private final long intervalNanos;
    private final long startNanos = System.nanoTime();
    private long nextReport;
    private long done;

    public ProgressMeter(String phase, long total, ProgressListener listener, Duration interval) {
        this.phase = phase;
        this.total = total;
        this.listener = listener;
        this.intervalNanos = interval.toNanos();
        this.nextReport = startNanos + intervalNanos;
    }

    public ProgressMeter(String phase, long total, ProgressListener listener) {
        this(phase, total, listener, Duration.ofSeconds(1));
    }

    public void advance(long n) {
        done += n;
        long now = System.nanoTime();
        if (now >= nextReport) {
            nextReport = now + intervalNanos;
            listener.onProgress(snapshot(now));
        }
    }

    /** Reports the final state. */
    public Progress finish() {
        Progress p = snapshot(System.nanoTime());
        listener.onProgress(p);
        return p;
    }

    public long done() {
        return done;
    }

    private Progress snapshot(long now) {
        long elapsed = Math.max(1, now - startNanos);
        return new Progress(phase, done, total, Duration.ofNanos(elapsed), done * 1e9 / elapsed);
    }
}
