package io.strata.bronze.parse;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Hex SHA-256 of byte ranges; one instance per thread (the digest is reused). */
final class Sha256 {

    private static final HexFormat HEX = HexFormat.of();

    private final MessageDigest digest;

    Sha256() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    String hex(byte[] bytes) {
        return hex(bytes, 0, bytes.length);
    }

    String hex(byte[] bytes, int offset, int length) {
        digest.reset();
        digest.update(bytes, offset, length);
        return HEX.formatHex(digest.digest());
    }
}
