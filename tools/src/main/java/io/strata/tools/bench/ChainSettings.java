package io.strata.tools.bench;

import java.time.Duration;

/**
 * What the whole-chain parts of {@code ./strata bench} are asked for.
 *
 * @param enabled whether the chain runs at all
 * @param latencySeconds how long the paced chain latency run sends; 0 skips it
 * @param latencyRate records per second of that run; 0: half the whole chain's measured throughput
 *     (issue 8 measures latency at half the measured maximum; its 1 s target is at 5,000)
 * @param goldOutOfOrderness gold-features' {@code gold.features.out-of-orderness}, passed to both
 *     runs: the bench must know it to say which Gold rows the watermark has released
 * @param goldIdleness {@code gold.features.idleness} of the latency run (the job's default is a
 *     minute): Gold's watermark is the lowest of its order, ticket and return inputs not idle this
 *     long, and in the latency run, whose first returns come tens of seconds after the first
 *     orders, every row would wait this long at first: a wait that is the bench's doing, not the
 *     chain's. The throughput run uses {@link #throughputIdleness}
 * @param latencyWarmUp raw events produced this long after the paced run starts are not measured:
 *     until a Silver input has seen its first record it holds the Gold watermark back
 */
public record ChainSettings(
        boolean enabled,
        long latencySeconds,
        double latencyRate,
        Duration goldOutOfOrderness,
        Duration goldIdleness,
        Duration latencyWarmUp) {

    /** gold-features' defaults for the watermark, and what issue 8 asks for. */
    public static final ChainSettings DEFAULT =
            new ChainSettings(
                    true,
                    60,
                    0,
                    Duration.ofSeconds(30),
                    Duration.ofSeconds(5),
                    Duration.ofSeconds(10));

    public static final ChainSettings OFF =
            new ChainSettings(false, 0, 0, Duration.ZERO, Duration.ZERO, Duration.ZERO);

    /**
     * {@code gold.features.idleness} of the throughput run: at least three checkpoint intervals.
     * Its Silver is exactly-once, visible once per silver-conform checkpoint, so a shorter idleness
     * marks Gold's inputs idle between two commits; the first input of the next commit then moves
     * the watermark alone and the others' versions of that commit arrive behind it, too late by
     * hours of the workload's event time (gold-features refuses such a setting).
     */
    Duration throughputIdleness(Duration checkpointInterval) {
        Duration floor = checkpointInterval.multipliedBy(3);
        return goldIdleness.compareTo(floor) >= 0 ? goldIdleness : floor;
    }

    /** These settings with {@code idleness} as the Gold idleness. */
    ChainSettings withGoldIdleness(Duration idleness) {
        return new ChainSettings(
                enabled, latencySeconds, latencyRate, goldOutOfOrderness, idleness, latencyWarmUp);
    }

    /**
     * These settings with the latency run's rate fixed: the one asked for, or half {@code
     * measuredEventsPerSecond}, the throughput run's, when none was (at least one record/s).
     */
    ChainSettings pacedAfter(double measuredEventsPerSecond) {
        if (latencyRate > 0) {
            return this;
        }
        return new ChainSettings(
                enabled,
                latencySeconds,
                Math.max(1, Math.floor(measuredEventsPerSecond / 2)),
                goldOutOfOrderness,
                goldIdleness,
                latencyWarmUp);
    }

    /**
     * Rows as of event times within this of Gold's final watermark are not measured: the end of the
     * input never brings the events that would pass them in a continuing stream, so they wait for
     * the inputs to turn idle. The final watermark itself is worked out from the event times sent
     * ({@link GoldExpectation}), not from the wall clock: the paced workload's event time advances
     * unevenly (faster while the first flows have no follow-ups, slower at the end), and a
     * wall-clock cool-down of the out-of-orderness left rows in the window that no watermark ever
     * passed.
     */
    Duration latencyCoolDown() {
        return goldIdleness;
    }
}
