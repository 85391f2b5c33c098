package io.strata.workload.oracle.gold;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * The Data Vault hash of {@code docs/gold.md}, implemented here from the spec rather than shared
 * with the job, so that the oracle checks the job's implementation: MD5 in lower-case hex over the
 * parts joined with {@code ||}, each part trimmed and upper-cased, a null or blank part written
 * {@code ^^}.
 */
public final class VaultHash {

    /** The hash key of ghost records, and of a link's missing reference. */
    public static final String GHOST = "00000000000000000000000000000000";

    /** The business key and tenant of ghost records. */
    static final String MISSING = "^^";

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private VaultHash() {}

    /** {@code hash_key(part_1, ..., part_n)}; the tenant is the first part of every key. */
    public static String hashKey(String... parts) {
        StringJoiner joined = new StringJoiner("||");
        for (String p : parts) {
            joined.add(
                    p == null || p.trim().isEmpty() ? MISSING : p.trim().toUpperCase(Locale.ROOT));
        }
        return md5Hex(joined.toString());
    }

    /** A link's reference to {@code key}'s hub: the ghost key when the key is missing. */
    static String reference(String tenant, String key) {
        return key == null || key.trim().isEmpty() ? GHOST : hashKey(tenant, key);
    }

    /**
     * A satellite's hash diff: the hash over its descriptive columns as text (decimals with their
     * scale, timestamps as epoch milliseconds, null as {@code ^^}).
     */
    static String hashDiff(Object... columns) {
        String[] parts = new String[columns.length];
        for (int i = 0; i < columns.length; i++) {
            Object c = columns[i];
            parts[i] =
                    c == null
                            ? null
                            : c instanceof Instant t
                                    ? Long.toString(t.toEpochMilli())
                                    : c instanceof BigDecimal d ? d.toPlainString() : c.toString();
        }
        return hashKey(parts);
    }

    private static String md5Hex(String text) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JVM", e);
        }
        char[] hex = new char[2 * digest.length];
        for (int i = 0; i < digest.length; i++) {
            hex[2 * i] = HEX[(digest[i] >> 4) & 0xF];
            hex[2 * i + 1] = HEX[digest[i] & 0xF];
        }
        return new String(hex);
    }
}
