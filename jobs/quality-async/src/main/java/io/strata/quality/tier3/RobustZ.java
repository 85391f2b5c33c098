package io.strata.quality.tier3;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The robust z-score of a value against a sample: 0.6745·(x − median) / MAD, MAD the median of the
 * absolute deviations from the median (0.6745 scales it to σ for normal data). Undefined when MAD
 * is 0: more than half the sample is one value, and no spread can be judged.
 */
final class RobustZ {

    private RobustZ() {}

    static OptionalDouble of(double x, List<Double> sample) {
        double[] values = sample.stream().mapToDouble(Double::doubleValue).toArray();
        double median = median(values);
        double[] deviations = Arrays.stream(values).map(v -> Math.abs(v - median)).toArray();
        double mad = median(deviations);
        return mad == 0 ? OptionalDouble.empty() : OptionalDouble.of(0.6745 * (x - median) / mad);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
