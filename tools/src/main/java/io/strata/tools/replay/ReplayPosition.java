package io.strata.tools.replay;

import io.strata.common.kafka.StartFrom;
import io.strata.common.kafka.StartingOffsets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.stream.Collectors;

/**
 * Where a replay starts reading, from {@code --from}: {@code earliest}, an ISO-8601 instant, a file
 * of offsets ({@code topic/partition:offset} per line or comma-separated; {@code #} starts a
 * comment), or {@code manifest:<id>}: the instant its window's ancestry starts ({@link
 * ManifestStart}).
 *
 * @param startFrom the job's start-from setting
 * @param value the instant or the offsets, in the job's form; null for earliest
 */
public record ReplayPosition(StartFrom startFrom, String value) {

    /** Finds where a manifest record's window starts ({@link ManifestStart}). */
    @FunctionalInterface
    public interface Manifests {
        Instant startOf(String manifestId);
    }

    /** Reads {@code --from} when it is no {@code manifest:<id>}. */
    public static ReplayPosition parse(String from) {
        return parse(
                from,
                id -> {
                    throw new IllegalArgumentException(
                            "--from manifest:" + id + ": no manifest table to look it up in");
                });
    }

    /**
     * Reads {@code --from}; {@code manifest:<id>} starts at the window's start ({@code manifests}).
     */
    public static ReplayPosition parse(String from, Manifests manifests) {
        String f = from.trim();
        if (f.equalsIgnoreCase("earliest")) {
            return new ReplayPosition(StartFrom.EARLIEST, null);
        }
        if (f.startsWith("manifest:")) {
            String id = f.substring("manifest:".length()).trim();
            if (id.isEmpty()) {
                throw new IllegalArgumentException("--from manifest:<id>: the id is missing");
            }
            return new ReplayPosition(StartFrom.TIMESTAMP, manifests.startOf(id).toString());
        }
        if (Character.isDigit(f.isEmpty() ? ' ' : f.charAt(0)) && f.contains("T")) {
            try {
                return new ReplayPosition(StartFrom.TIMESTAMP, Instant.parse(f).toString());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(
                        "--from " + f + ": not an ISO-8601 instant, e.g. 2026-11-21T09:00:00Z", e);
            }
        }
        Path file = Path.of(f);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(
                    "--from "
                            + f
                            + ": neither earliest, an ISO-8601 instant nor a file of offsets");
        }
        try {
            String offsets =
                    Files.readAllLines(file).stream()
                            .map(l -> l.replaceAll("#.*", "").trim())
                            .filter(l -> !l.isEmpty())
                            .collect(Collectors.joining(","));
            return new ReplayPosition(
                    StartFrom.OFFSETS, StartingOffsets.format(StartingOffsets.parse(offsets)));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
    }

    @Override
    public String toString() {
        return value == null ? "earliest" : value;
    }
}
