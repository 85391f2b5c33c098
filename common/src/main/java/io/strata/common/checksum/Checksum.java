package io.strata.common.checksum;

/**
 * The order-independent checksum of a set of rows: how many, and the sum (mod 2^64) of their {@link
 * RowChecksums} prefixes. Two sets of rows with equal checksums hold, with overwhelming
 * probability, the same rows the same number of times.
 */
public record Checksum(long rows, long sum) {

    public static final Checksum EMPTY = new Checksum(0, 0);

    /** This checksum with one more row. */
    public Checksum plus(long prefix) {
        return new Checksum(rows + 1, sum + prefix);
    }

    /** The checksum of both sets of rows. */
    public Checksum plus(Checksum other) {
        return new Checksum(rows + other.rows, sum + other.sum);
    }

    /** The sum as the manifest writes checksums: 16 lower-case hex digits. */
    public String hex() {
        return String.format("%016x", sum);
    }
}
