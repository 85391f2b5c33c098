package io.strata.common.vault;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The one hash function of the Data Vault ({@code docs/gold.md}): MD5, lower-case hex, over the
 * normalized parts joined with {@code ||}; a part is trimmed and upper-cased, and a null or blank
 * part is the placeholder {@code ^^}. The tenant is always the first part of a hash key. Flink SQL
 * reproduces a key with {@code LOWER(MD5(CONCAT_WS('||', ...)))} over the same normalization.
 */
public final class HashKeys {

    /** What a null or blank part hashes as. */
    public static final String NULL_PLACEHOLDER = "^^";

    /** The separator between parts. */
    public static final String DELIMITER = "||";

    /** The hash key of ghost records (and of links' missing references). */
    public static final String GHOST = "0".repeat(32);

    private static final ThreadLocal<MessageDigest> MD5 =
            ThreadLocal.withInitial(
                    () -> {
                        try {
                            return MessageDigest.getInstance("MD5");
                        } catch (NoSuchAlgorithmException e) {
                            throw new IllegalStateException("MD5 is part of every JVM", e);
                        }
                    });

    private HashKeys() {}

    /** The hash key of a business key: {@code hashKey(tenant, key, ...)}. */
    public static String hashKey(String... parts) {
        return hash(join(parts));
    }

    /**
     * The hash key of a reference: {@link #GHOST} when the referenced business key (every part
     * after the tenant) is missing, else {@link #hashKey}.
     */
    public static String reference(String tenant, String... keyParts) {
        for (String part : keyParts) {
            if (isMissing(part)) {
                return GHOST;
            }
        }
        String[] all = new String[keyParts.length + 1];
        all[0] = tenant;
        System.arraycopy(keyParts, 0, all, 1, keyParts.length);
        return hashKey(all);
    }

    /**
     * A satellite's hash diff: the descriptive columns as text (decimals with their scale,
     * timestamps as epoch millis, null as the placeholder), trimmed and upper-cased like key parts.
     */
    public static String hashDiff(Object... columns) {
        String[] parts = new String[columns.length];
        for (int i = 0; i < columns.length; i++) {
            parts[i] = text(columns[i]);
        }
        return hashKey(parts);
    }

    /** The normalized text of one part. */
    public static String normalize(String part) {
        return isMissing(part) ? NULL_PLACEHOLDER : part.trim().toUpperCase(Locale.ROOT);
    }

    private static boolean isMissing(String part) {
        return part == null || part.isBlank();
    }

    private static String join(String... parts) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                b.append(DELIMITER);
            }
            b.append(normalize(parts[i]));
        }
        return b.toString();
    }

    private static String text(Object column) {
        if (column == null) {
            return null;
        }
        if (column instanceof java.math.BigDecimal d) {
            return d.toPlainString();
        }
        if (column instanceof java.time.Instant t) {
            return Long.toString(t.toEpochMilli());
        }
        return column.toString();
    }

    private static String hash(String text) {
        MessageDigest md5 = MD5.get();
        md5.reset();
        return HexFormat.of().formatHex(md5.digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
