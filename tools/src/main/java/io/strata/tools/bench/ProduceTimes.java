package io.strata.tools.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * When each record of a topic was produced: its Kafka timestamp (CreateTime, set by the producer
 * when it sends), by partition and offset, which is how a pipeline's output rows name their input.
 */
final class ProduceTimes {

    private final Map<Integer, long[]> byPartition;

    private ProduceTimes(Map<Integer, long[]> byPartition) {
        this.byPartition = byPartition;
    }

    /** Reads the whole topic (keys and values are not kept). */
    static ProduceTimes read(String servers, String topic, Duration timeout) {
        Map<Integer, long[]> times = new HashMap<>();
        TopicScan.read(
                servers,
                topic,
                timeout,
                end ->
                        end.forEach(
                                (tp, offset) ->
                                        times.put(tp.partition(), new long[offset.intValue()])),
                r -> times.get(r.partition())[(int) r.offset()] = r.timestamp());
        return new ProduceTimes(times);
    }

    /** The record's produce time (epoch millis), or 0 when the topic has no such record. */
    long at(int partition, long offset) {
        long[] times = byPartition.get(partition);
        return times != null && offset >= 0 && offset < times.length ? times[(int) offset] : 0;
    }
}
