package io.strata.workload.util;

/**
 * A seeded SplitMix64 generator. Its output is fixed by this code, not by the JDK, so a seed
 * reproduces the same workload on every Java version.
 */
public final class Rng {

    private long state;

    public Rng(long seed) {
        this.state = seed;
    }

    /** A generator for an independent stream derived from {@code seed} and a stream name. */
    public static Rng derive(long seed, String stream) {
        return new Rng(mix(seed ^ mix(stream.hashCode() * 0x9E3779B97F4A7C15L)));
    }

    public long nextLong() {
        state += 0x9E3779B97F4A7C15L;
        return mix(state);
    }

    /** Uniform in [0, bound). */
    public int nextInt(int bound) {
        return (int) ((nextLong() >>> 33) * bound >>> 31);
    }

    /** Uniform in [from, to] (inclusive). */
    public long between(long from, long to) {
        return from + Long.remainderUnsigned(nextLong(), to - from + 1);
    }

    /** Uniform in [0, 1). */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    public boolean chance(double probability) {
        return nextDouble() < probability;
    }

    public <T> T pick(T[] values) {
        return values[nextInt(values.length)];
    }

    /** An exponentially distributed value with the given mean. */
    public double exponential(double mean) {
        return -mean * Math.log(1.0 - nextDouble());
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
