package io.strata.workload.oracle;

import io.strata.model.QuarantineReason;
import java.util.Map;

/**
 * What Bronze must report for one tenant. The identity every run must satisfy: {@code input =
 * accepted + duplicates + quarantined}.
 *
 * @param input records produced for this tenant (by Kafka key)
 * @param accepted records appended to Bronze (first copy of each event id)
 * @param duplicates copies dropped by event-id dedupe (exact and re-encoded re-sends)
 * @param quarantined records refused at the Bronze gate, by reason
 * @param late accepted records flagged late
 */
public record BronzeCounts(
        String tenant,
        long input,
        long accepted,
        long duplicates,
        Map<QuarantineReason, Long> quarantined,
        long late) {

    public BronzeCounts {
        quarantined = Map.copyOf(quarantined);
    }

    public long quarantinedTotal() {
        return quarantined.values().stream().mapToLong(Long::longValue).sum();
    }

    public boolean reconciles() {
        return input == accepted + duplicates + quarantinedTotal();
    }
}
