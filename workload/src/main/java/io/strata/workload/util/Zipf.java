package io.strata.workload.util;

import java.util.Arrays;

/**
 * Samples ranks 0..n-1 with probability proportional to {@code 1/(rank+1)^exponent}, mapped through
 * a seeded permutation so the most popular items are spread over the pool.
 */
public final class Zipf {

    private final double[] cumulative;
    private final int[] itemOfRank;

    public Zipf(int n, double exponent, Rng shuffle) {
        if (n <= 0) {
            throw new IllegalArgumentException("A Zipf pool needs at least one item, got " + n);
        }
        cumulative = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += 1.0 / Math.pow(i + 1, exponent);
            cumulative[i] = sum;
        }
        for (int i = 0; i < n; i++) {
            cumulative[i] /= sum;
        }
        itemOfRank = permutation(n, shuffle);
    }

    /** The next item index in [0, n). */
    public int sample(Rng rng) {
        int rank = Arrays.binarySearch(cumulative, rng.nextDouble());
        rank = rank >= 0 ? rank + 1 : -rank - 1;
        return itemOfRank[Math.min(rank, itemOfRank.length - 1)];
    }

    private static int[] permutation(int n, Rng rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
