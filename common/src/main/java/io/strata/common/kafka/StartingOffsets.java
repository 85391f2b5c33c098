package io.strata.common.kafka;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;

/**
 * A job's starting position as Flink's {@link OffsetsInitializer}, from its {@link StartFrom} and,
 * for {@link StartFrom#TIMESTAMP} and {@link StartFrom#OFFSETS}, the instant or offsets. Offsets
 * are written {@code topic/partition:offset}, separated by commas, e.g. {@code
 * bronze.events/0:1200,bronze.events/1:1187}: the form {@code ./strata replay} passes on.
 */
public final class StartingOffsets {

    private StartingOffsets() {}

    /**
     * A job's {@code <prefix>.input.start-timestamp} option, read with {@link StartFrom#TIMESTAMP}.
     */
    public static ConfigOption<String> timestampOption(String prefix) {
        return ConfigOptions.key(prefix + ".input.start-timestamp")
                .stringType()
                .noDefaultValue()
                .withDescription(
                        "With start-from TIMESTAMP: the ISO-8601 instant to start at, e.g."
                                + " 2026-11-21T09:00:00Z (each partition's first record at"
                                + " or after it).");
    }

    /** A job's {@code <prefix>.input.start-offsets} option, read with {@link StartFrom#OFFSETS}. */
    public static ConfigOption<String> offsetsOption(String prefix) {
        return ConfigOptions.key(prefix + ".input.start-offsets")
                .stringType()
                .noDefaultValue()
                .withDescription(
                        "With start-from OFFSETS: topic/partition:offset,... (partitions not"
                                + " named start at their earliest offset).");
    }

    /**
     * @param timestamp an ISO-8601 instant, for {@link StartFrom#TIMESTAMP}
     * @param offsets {@code topic/partition:offset,...}, for {@link StartFrom#OFFSETS}
     * @throws IllegalArgumentException when the instant or offsets the position needs are missing
     *     or unreadable
     */
    public static OffsetsInitializer of(StartFrom from, String timestamp, String offsets) {
        return switch (from) {
            case COMMITTED -> OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST);
            case EARLIEST -> OffsetsInitializer.earliest();
            case LATEST -> OffsetsInitializer.latest();
            case TIMESTAMP -> OffsetsInitializer.timestamp(instant(timestamp).toEpochMilli());
            case OFFSETS ->
                    OffsetsInitializer.offsets(parse(offsets), OffsetResetStrategy.EARLIEST);
        };
    }

    /** Parses {@code topic/partition:offset,...}; the topic may contain dots, not slashes. */
    public static Map<TopicPartition, Long> parse(String offsets) {
        if (offsets == null || offsets.isBlank()) {
            throw new IllegalArgumentException(
                    "Starting from OFFSETS needs offsets as topic/partition:offset,...");
        }
        Map<TopicPartition, Long> parsed = new TreeMap<>(StartingOffsets::compare);
        for (String entry : offsets.split(",")) {
            String e = entry.trim();
            int slash = e.lastIndexOf('/');
            int colon = e.lastIndexOf(':');
            if (slash <= 0 || colon < slash) {
                throw new IllegalArgumentException(
                        "Not topic/partition:offset: '" + e + "' in '" + offsets + "'");
            }
            try {
                TopicPartition tp =
                        new TopicPartition(
                                e.substring(0, slash),
                                Integer.parseInt(e.substring(slash + 1, colon)));
                long offset = Long.parseLong(e.substring(colon + 1));
                if (tp.partition() < 0 || offset < 0) {
                    throw new NumberFormatException("negative");
                }
                parsed.put(tp, offset);
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException(
                        "Not topic/partition:offset: '" + e + "' in '" + offsets + "'", ex);
            }
        }
        return parsed;
    }

    /** The form {@link #parse} reads, sorted by topic and partition. */
    public static String format(Map<TopicPartition, Long> offsets) {
        StringBuilder s = new StringBuilder();
        Map<TopicPartition, Long> sorted = new TreeMap<>(StartingOffsets::compare);
        sorted.putAll(offsets);
        sorted.forEach(
                (tp, o) ->
                        s.append(s.length() == 0 ? "" : ",")
                                .append(tp.topic())
                                .append('/')
                                .append(tp.partition())
                                .append(':')
                                .append(o));
        return s.toString();
    }

    private static Instant instant(String timestamp) {
        if (timestamp == null || timestamp.isBlank()) {
            throw new IllegalArgumentException(
                    "Starting from TIMESTAMP needs an ISO-8601 instant, e.g."
                            + " 2026-11-21T09:00:00Z");
        }
        try {
            return Instant.parse(timestamp.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "Not an ISO-8601 instant: '" + timestamp + "', e.g. 2026-11-21T09:00:00Z", e);
        }
    }

    private static int compare(TopicPartition a, TopicPartition b) {
        int t = a.topic().compareTo(b.topic());
        return t != 0 ? t : Integer.compare(a.partition(), b.partition());
    }
}
