package io.strata.tools.bench;

import java.time.Duration;

/**
 * What the whole-chain parts of {@code ./strata bench} are asked for.
 *
 * @param enabled whether the chain runs at all
 * @param latencySeconds how long the paced chain latency run sends; 0 skips it
 * @param latencyRate records per second of that run (issue 8 asks for 5,000)
 * @param goldOutOfOrderness gold-features' {@code gold.features.out-of-orderness}, passed to both
 *     runs: the bench must know it to say which Gold rows the watermark has released
 * @param goldIdleness {@code gold.features.idleness} of both runs (the job's default is a minute):
 *     Gold's watermark is the lowest of its order, ticket and return inputs not idle this long, so
 *     after the throughput run's drain its last rows wait this long, and in the latency run, whose
 *     first returns come tens of seconds after the first orders, every row would wait this long at
 *     first: waits that are the bench's doing, not the chain's
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
                    5_000,
                    Duration.ofSeconds(30),
                    Duration.ofSeconds(5),
                    Duration.ofSeconds(10));

    public static final ChainSettings OFF =
            new ChainSettings(false, 0, 0, Duration.ZERO, Duration.ZERO, Duration.ZERO);

    /**
     * Raw events produced in the last stretch of the paced run are not measured either: Gold
     * releases an event's row only when events this much newer have arrived, which the end of the
     * input never brings (the rows wait for the inputs' idleness instead).
     */
    Duration latencyCoolDown() {
        return goldOutOfOrderness.plusSeconds(5);
    }
}
