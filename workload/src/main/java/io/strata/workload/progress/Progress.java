package io.strata.workload.progress;

import java.time.Duration;

/**
 * A snapshot of a long-running step (sending to Kafka, applying OLTP changes).
 *
 * @param total the number of items the step will handle, or -1 when unknown
 * @param ratePerSecond items per second since the step started
 */
public record Progress(
        String phase, long done, long total, Duration elapsed, double ratePerSecond) {

    /** Estimated time to finish, or null when the total or the rate is unknown. */
    public Duration eta() {
        if (total < 0 || ratePerSecond <= 0) {
            return null;
        }
        return Duration.ofMillis((long) ((total - done) / ratePerSecond * 1000));
    }

    public boolean finished() {
        return total >= 0 && done >= total;
    }

    /** {@code kafka: 120000/1000000 (12.0%), 95000/s, ETA 9s}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(phase).append(": ").append(done);
        if (total >= 0) {
            sb.append('/').append(total);
            sb.append(String.format(" (%.1f%%)", total == 0 ? 100.0 : 100.0 * done / total));
        }
        sb.append(String.format(", %.0f/s", ratePerSecond));
        Duration eta = eta();
        if (eta != null && !finished()) {
            sb.append(", ETA ").append(eta.toSeconds()).append('s');
        }
        return sb.append(", elapsed ").append(elapsed.toMillis() / 1000.0).append('s').toString();
    }
}
