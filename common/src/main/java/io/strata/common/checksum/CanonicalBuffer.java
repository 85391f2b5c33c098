package io.strata.common.checksum;

import java.nio.ByteBuffer;
import java.util.Arrays;

/** A growable byte buffer the canonical encoding writes into, reused row after row. */
final class CanonicalBuffer {

    private byte[] bytes = new byte[512];
    private int length;

    void reset() {
        length = 0;
    }

    byte[] array() {
        return bytes;
    }

    int length() {
        return length;
    }

    /** A copy of what was written. */
    byte[] toByteArray() {
        return Arrays.copyOf(bytes, length);
    }

    void put(int b) {
        ensure(1);
        bytes[length++] = (byte) b;
    }

    void putInt(int v) {
        ensure(4);
        for (int shift = 24; shift >= 0; shift -= 8) {
            bytes[length++] = (byte) (v >>> shift);
        }
    }

    void putLong(long v) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            bytes[length++] = (byte) (v >>> shift);
        }
    }

    /** {@code value} prefixed with its length (4 bytes, big-endian). */
    void putSized(byte[] value) {
        putInt(value.length);
        append(value, value.length);
    }

    /** The remaining bytes of {@code value} prefixed with their length; its position is kept. */
    void putSized(ByteBuffer value) {
        ByteBuffer b = value.duplicate();
        putInt(b.remaining());
        ensure(b.remaining());
        int n = b.remaining();
        b.get(bytes, length, n);
        length += n;
    }

    void append(byte[] value, int n) {
        ensure(n);
        System.arraycopy(value, 0, bytes, length, n);
        length += n;
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
