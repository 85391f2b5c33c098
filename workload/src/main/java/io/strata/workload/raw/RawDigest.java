package io.strata.workload.raw;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Iterator;

/**
 * A SHA-256 over every record's topic, key and value (length-prefixed, in order): two runs with the
 * same parameters must produce the same digest, byte for byte.
 */
public record RawDigest(long records, long bytes, String sha256, Duration elapsed) {

    public static RawDigest of(Iterator<RawRecord> records) {
        MessageDigest sha = newSha256();
        ByteBuffer length = ByteBuffer.allocate(4);
        long count = 0;
        long bytes = 0;
        long start = System.nanoTime();
        while (records.hasNext()) {
            RawRecord r = records.next();
            update(sha, length, r.topic().getBytes(StandardCharsets.UTF_8));
            update(sha, length, r.key());
            update(sha, length, r.value());
            count++;
            bytes += r.value().length;
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        return new RawDigest(count, bytes, HexFormat.of().formatHex(sha.digest()), elapsed);
    }

    /** Records per second achieved while digesting (rendering included). */
    public double recordsPerSecond() {
        return records * 1e9 / Math.max(1, elapsed.toNanos());
    }

    private static void update(MessageDigest sha, ByteBuffer length, byte[] data) {
        length.clear();
        length.putInt(data == null ? -1 : data.length);
        sha.update(length.array());
        if (data != null) {
            sha.update(data);
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
