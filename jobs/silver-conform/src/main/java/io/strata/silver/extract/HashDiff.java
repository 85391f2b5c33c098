package io.strata.silver.extract;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;

/**
 * The hash diff of a row: hex SHA-256 over its non-null content columns (every field but meta and
 * the key), in field-name order, each as {@code name US value RS} (US = U+001F, RS = U+001E) in
 * UTF-8. Values: strings as they are, integers and decimals in plain digits (decimals at their
 * column's scale), timestamps as epoch milliseconds, booleans as true/false. Null columns are left
 * out, so adding a nullable column to a canonical entity keeps every existing hash. A tombstone
 * hashes no columns.
 *
 * <p>Written into a reused byte buffer and digest (about a third of the cost of building a String
 * per row). Not thread-safe: one per extractor.
 */
final class HashDiff {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final MessageDigest sha256;
    private final byte[] digest = new byte[32];
    private final byte[] hex = new byte[64];
    private byte[] buf = new byte[512];
    private int len;

    HashDiff() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    /** {@code names} sorted, {@code values} in the same order; nulls are skipped. */
    String of(String[] names, Object[] values) {
        len = 0;
        for (int i = 0; i < names.length; i++) {
            Object v = values[i];
            if (v != null) {
                append(names[i]);
                put((byte) 0x1F);
                append(
                        v instanceof Instant t
                                ? Long.toString(t.toEpochMilli())
                                : v instanceof BigDecimal d ? d.toPlainString() : v.toString());
                put((byte) 0x1E);
            }
        }
        sha256.update(buf, 0, len);
        try {
            sha256.digest(digest, 0, 32);
        } catch (DigestException e) {
            throw new IllegalStateException(e);
        }
        for (int i = 0; i < 32; i++) {
            hex[2 * i] = HEX[(digest[i] >> 4) & 0xF];
            hex[2 * i + 1] = HEX[digest[i] & 0xF];
        }
        return new String(hex, StandardCharsets.ISO_8859_1);
    }

    /** UTF-8 of {@code s}; the common all-ASCII case without an intermediate array. */
    private void append(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                len -= i;
                byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
                ensure(utf8.length);
                System.arraycopy(utf8, 0, buf, len, utf8.length);
                len += utf8.length;
                return;
            }
            buf[len++] = (byte) c;
        }
    }

    private void put(byte b) {
        ensure(1);
        buf[len++] = b;
    }

    private void ensure(int more) {
        if (len + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }
    }
}
