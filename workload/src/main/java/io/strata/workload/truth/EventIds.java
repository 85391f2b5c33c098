package io.strata.workload.truth;

import io.strata.workload.util.Rng;

/**
 * Random (version 4 layout) UUID strings from the seeded generator, formatted without
 * java.util.UUID.
 */
final class EventIds {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private EventIds() {}

    static String next(Rng rng) {
        long hi = (rng.nextLong() & ~0xF000L) | 0x4000L;
        long lo = (rng.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        char[] c = new char[36];
        hex(hi >>> 32, c, 0, 8);
        c[8] = '-';
        hex(hi >>> 16, c, 9, 4);
        c[13] = '-';
        hex(hi, c, 14, 4);
        c[18] = '-';
        hex(lo >>> 48, c, 19, 4);
        c[23] = '-';
        hex(lo, c, 24, 12);
        return new String(c);
    }

    private static void hex(long value, char[] out, int offset, int digits) {
        for (int i = digits - 1; i >= 0; i--) {
            out[offset + i] = HEX[(int) (value & 0xF)];
            value >>>= 4;
        }
    }
}
