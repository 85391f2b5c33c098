package io.strata.bronze.cdc;

import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/**
 * Routes each change to {@code <prefix><schema>.<table>} and follows every delete with a tombstone
 * (same key, null value), so consumers of the compacted topic forget the row. The delete itself
 * still carries the old row for consumers that want it (Bronze keeps it).
 */
final class ToKafkaRecords implements FlatMapFunction<ChangeEvent, KafkaChangeRecord> {

    private static final long serialVersionUID = 1L;

    private final String topicPrefix;

    ToKafkaRecords(String topicPrefix) {
        this.topicPrefix = topicPrefix;
    }

    @Override
    public void flatMap(ChangeEvent change, Collector<KafkaChangeRecord> out) {
        String topic = topic(change);
        out.collect(new KafkaChangeRecord(topic, change.key, change.value));
        if (change.isDelete() && change.key != null) {
            out.collect(new KafkaChangeRecord(topic, change.key, null));
        }
    }

    String topic(ChangeEvent change) {
        return topicPrefix + change.schema + "." + change.table;
    }
}
