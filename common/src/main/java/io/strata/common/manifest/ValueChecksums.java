package io.strata.common.manifest;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The checksum prefix of a Kafka record's value as it is on the topic: the first 8 bytes of its
 * SHA-256, the unit the manifest's window checksums add up. The job that reads a topic and the
 * reconciliation that re-reads it compute the same number from the same bytes. Not thread-safe: one
 * per operator instance.
 */
public final class ValueChecksums {

    private final MessageDigest sha256;

    public ValueChecksums() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    /** The first 8 bytes of the SHA-256 of {@code value}, as a number. */
    public long prefix(byte[] value) {
        return prefix(value, value.length);
    }

    /** The first 8 bytes of the SHA-256 of the first {@code length} bytes of {@code value}. */
    public long prefix(byte[] value, int length) {
        sha256.update(value, 0, length);
        return ByteBuffer.wrap(sha256.digest()).getLong();
    }
}
