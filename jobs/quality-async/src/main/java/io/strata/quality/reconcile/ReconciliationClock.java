package io.strata.quality.reconcile;

import java.io.Serializable;
import java.time.Duration;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.TimerService;

/**
 * The processing-time clock of one reconciled window (keyed state {@code deadline}): the first
 * record or claim of a window starts it, the window is overdue {@code wait} later, and its state is
 * dropped {@code retention} after that. Shared by {@link ReconcileBronzeWindows} and {@link
 * ReconcileSilverWindows}.
 */
final class ReconciliationClock implements Serializable {

    private static final long serialVersionUID = 1L;

    /** What a timer means for the window. */
    enum Tick {
        /** No clock (state already dropped): nothing to do. */
        NONE,
        /** The wait is over (or a later timer of it): decide now. */
        DUE,
        /** The retention is over: drop the window's state. */
        EXPIRED
    }

    private final long waitMillis;
    private final long retentionMillis;
    private transient ValueState<Long> deadline;

    ReconciliationClock(Duration wait, Duration retention) {
        this.waitMillis = wait.toMillis();
        this.retentionMillis = retention.toMillis();
    }

    void open(RuntimeContext context) {
        deadline = context.getState(new ValueStateDescriptor<>("deadline", Types.LONG));
    }

    /** Starts the window's clock unless it runs; returns the current processing time. */
    long start(TimerService timers) throws Exception {
        long now = timers.currentProcessingTime();
        if (deadline.value() == null) {
            long due = now + waitMillis;
            deadline.update(due);
            timers.registerProcessingTimeTimer(due);
            timers.registerProcessingTimeTimer(due + retentionMillis);
        }
        return now;
    }

    /** Whether the wait is over at {@code now}; the clock must run. */
    boolean overdue(long now) throws Exception {
        return now >= deadline.value();
    }

    /** What the timer at {@code timestamp} means; on EXPIRED the clock is cleared. */
    Tick tick(long timestamp) throws Exception {
        Long due = deadline.value();
        if (due == null) {
            return Tick.NONE;
        }
        if (timestamp >= due + retentionMillis) {
            deadline.clear();
            return Tick.EXPIRED;
        }
        return Tick.DUE;
    }
}
