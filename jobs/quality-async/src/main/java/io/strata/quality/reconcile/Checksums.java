package io.strata.quality.reconcile;

/** The manifest's checksums: 16 hex digits of a sum of SHA-256 prefixes (mod 2^64). */
final class Checksums {

    private Checksums() {}

    /** The checksum as a number; 0 for none. */
    static long parse(String hex) {
        return hex == null || hex.isEmpty() ? 0L : Long.parseUnsignedLong(hex, 16);
    }

    static String format(long checksum) {
        return String.format("%016x", checksum);
    }
}
