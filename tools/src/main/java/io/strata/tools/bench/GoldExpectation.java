package io.strata.tools.bench;

import io.strata.workload.oracle.SilverEntity;
import io.strata.workload.oracle.SilverVersion;
import io.strata.workload.oracle.gold.FeatureRow;
import io.strata.workload.oracle.gold.GoldOracle;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What Gold must have released once its input is drained: the oracle's rows at event times up to
 * the watermark it ends with. Each of its inputs (orders, tickets, returns) trails its newest event
 * time by the out-of-orderness (and 1 ms); once every input is idle, Flink documents that the
 * highest of them is forwarded, but in trial runs Gold ended at the lowest (rows between stayed
 * pending), so the lowest of the inputs that had events is what the bench requires.
 *
 * @param rows how many such rows the oracle has
 * @param newest the latest {@code valid_from} among them
 * @param watermark the event time up to which rows are released
 */
record GoldExpectation(long rows, Instant newest, Instant watermark) {

    static GoldExpectation of(List<SilverVersion> versions, Duration outOfOrderness) {
        Map<SilverEntity, Instant> newestPerInput = new EnumMap<>(SilverEntity.class);
        for (SilverVersion v : versions) {
            if (ChainThroughput.FEATURE_INPUTS.contains(v.entity())) {
                newestPerInput.merge(v.entity(), v.eventTime(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        if (newestPerInput.isEmpty()) {
            return new GoldExpectation(0, Instant.MIN, Instant.MIN);
        }
        Instant watermark =
                newestPerInput.values().stream()
                        .min(Instant::compareTo)
                        .orElseThrow()
                        .minus(outOfOrderness)
                        .minusMillis(1);
        List<Instant> released =
                GoldOracle.of(versions).featureHistory().stream()
                        .map(FeatureRow::validFrom)
                        .filter(t -> !t.isAfter(watermark))
                        .toList();
        return new GoldExpectation(
                released.size(),
                released.stream().max(Instant::compareTo).orElse(Instant.MIN),
                watermark);
    }
}
