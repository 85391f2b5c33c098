package io.strata.silver.state;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How much master-data normalization saves: embedded copies seen (every customer or product inside
 * a transaction) against master rows written (only when content changed). Exposed as metrics {@code
 * masterCopiesSeen}, {@code masterRowsWritten} and gauge {@code masterCopiesPerRowWritten}, and
 * logged at most once a minute per parallel instance.
 */
final class MasterDataRatio {

    private static final Logger LOG = LoggerFactory.getLogger(MasterDataRatio.class);
    private static final long LOG_INTERVAL_MS = 60_000;

    private final Counter seen;
    private final Counter written;
    private final String subtask;
    private long lastLog;

    MasterDataRatio(MetricGroup group, String subtask, long now) {
        this.seen = group.counter("masterCopiesSeen");
        this.written = group.counter("masterRowsWritten");
        this.subtask = subtask;
        this.lastLog = now;
        group.gauge("masterCopiesPerRowWritten", (Gauge<Double>) this::ratio);
    }

    void seen() {
        seen.inc();
    }

    void written() {
        written.inc();
    }

    long copiesSeen() {
        return seen.getCount();
    }

    long rowsWritten() {
        return written.getCount();
    }

    /** Copies per written row; 0 before anything was written. */
    double ratio() {
        long w = written.getCount();
        return w == 0 ? 0 : (double) seen.getCount() / w;
    }

    void maybeLog(long now) {
        if (now - lastLog >= LOG_INTERVAL_MS) {
            lastLog = now;
            log();
        }
    }

    void log() {
        LOG.info(
                "Master data, {}: {} embedded copies seen, {} rows written ({} copies per row)",
                subtask,
                seen.getCount(),
                written.getCount(),
                String.format("%.1f", ratio()));
    }
}
