package io.strata.gold.features;

import java.util.Comparator;

/**
 * A Silver row's {@code meta.source_position}, {@code topic/partition/offset} of its Bronze record:
 * the tie-break between versions of the same event time (topic, then partition, then offset, as
 * silver-conform sequences them). Text of another shape keeps its whole self as the topic, so it
 * still orders and never fails the job.
 */
public record SourcePosition(String topic, int partition, long offset) {

    /** Versions' positions in sequence order. */
    public static final Comparator<String> ORDER =
            Comparator.comparing(
                    SourcePosition::parse,
                    Comparator.comparing(SourcePosition::topic)
                            .thenComparingInt(SourcePosition::partition)
                            .thenComparingLong(SourcePosition::offset));

    public static SourcePosition parse(String text) {
        int offsetAt = text.lastIndexOf('/');
        int partitionAt = offsetAt > 0 ? text.lastIndexOf('/', offsetAt - 1) : -1;
        if (partitionAt <= 0) {
            return new SourcePosition(text, -1, -1);
        }
        try {
            return new SourcePosition(
                    text.substring(0, partitionAt),
                    Integer.parseInt(text.substring(partitionAt + 1, offsetAt)),
                    Long.parseLong(text.substring(offsetAt + 1)));
        } catch (NumberFormatException e) {
            return new SourcePosition(text, -1, -1);
        }
    }
}
