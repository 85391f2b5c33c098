package io.strata.workload;

import io.strata.model.QuarantineReason;
import io.strata.workload.util.Rng;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How malformed records split across reasons: relative weights per {@link QuarantineReason}, e.g.
 * {@code INVALID_JSON=1,NULL_KEY=2}. Only the reasons the generator can produce are allowed.
 */
public final class FaultMix {

    /** The reasons the generator can break a record for, each in exactly one stated way. */
    public static final List<QuarantineReason> SUPPORTED =
            List.of(
                    QuarantineReason.INVALID_JSON,
                    QuarantineReason.INVALID_UTF8,
                    QuarantineReason.MISSING_TENANT,
                    QuarantineReason.MISSING_EVENT_ID,
                    QuarantineReason.NULL_KEY,
                    QuarantineReason.TYPE_COERCION_FAILED,
                    QuarantineReason.OVERSIZED_PAYLOAD,
                    QuarantineReason.UNKNOWN_TENANT,
                    QuarantineReason.UNKNOWN_SCHEMA_VERSION);

    /** Every supported reason with the same weight. */
    public static final FaultMix EVEN =
            new FaultMix(SUPPORTED.stream().collect(Collectors.toMap(r -> r, r -> 1.0)));

    private final Map<QuarantineReason, Double> weights;
    private final QuarantineReason[] reasons;
    private final double[] cumulative;

    public FaultMix(Map<QuarantineReason, Double> weights) {
        this.weights = new EnumMap<>(weights);
        double sum = 0;
        for (Map.Entry<QuarantineReason, Double> e : this.weights.entrySet()) {
            if (!SUPPORTED.contains(e.getKey())) {
                throw new IllegalArgumentException(
                        "The generator cannot produce " + e.getKey() + "; supported: " + SUPPORTED);
            }
            if (e.getValue() < 0) {
                throw new IllegalArgumentException("Negative weight for " + e.getKey());
            }
            sum += e.getValue();
        }
        if (sum <= 0) {
            throw new IllegalArgumentException("A fault mix needs at least one positive weight");
        }
        this.reasons = this.weights.keySet().toArray(new QuarantineReason[0]);
        this.cumulative = new double[reasons.length];
        double running = 0;
        for (int i = 0; i < reasons.length; i++) {
            running += this.weights.get(reasons[i]) / sum;
            cumulative[i] = running;
        }
    }

    /** Parses {@code REASON=weight,REASON=weight}. */
    public static FaultMix parse(String text) {
        Map<QuarantineReason, Double> weights = new EnumMap<>(QuarantineReason.class);
        for (String part : text.split(",")) {
            String[] kv = part.trim().split("=");
            if (kv.length != 2) {
                throw new IllegalArgumentException("Expected REASON=weight, got '" + part + "'");
            }
            weights.put(QuarantineReason.valueOf(kv[0].trim()), Double.parseDouble(kv[1].trim()));
        }
        return new FaultMix(weights);
    }

    /** The share of malformed records with this reason. */
    public double share(QuarantineReason reason) {
        double sum = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        return weights.getOrDefault(reason, 0.0) / sum;
    }

    public QuarantineReason sample(Rng rng) {
        double u = rng.nextDouble();
        for (int i = 0; i < reasons.length - 1; i++) {
            if (u < cumulative[i]) {
                return reasons[i];
            }
        }
        return reasons[reasons.length - 1];
    }

    @Override
    public String toString() {
        return weights.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(","));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FaultMix other && other.weights.equals(weights);
    }

    @Override
    public int hashCode() {
        return weights.hashCode();
    }
}
