package io.strata.common.kafka;

import java.util.Arrays;
import java.util.Objects;

/**
 * One Kafka record as received: its bytes untouched and where it was read from. A Flink POJO
 * (public fields, no-arg constructor), so it crosses operators without Kryo.
 */
public class RawKafkaRecord {

    public String topic;
    public int partition;
    public long offset;

    /** The record's Kafka timestamp (create or log-append time), epoch millis. */
    public long timestamp;

    /** May be null. */
    public byte[] key;

    /** Null for a tombstone. */
    public byte[] value;

    public RawKafkaRecord() {}

    public RawKafkaRecord(
            String topic, int partition, long offset, long timestamp, byte[] key, byte[] value) {
        this.topic = topic;
        this.partition = partition;
        this.offset = offset;
        this.timestamp = timestamp;
        this.key = key;
        this.value = value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawKafkaRecord r
                && r.topic.equals(topic)
                && r.partition == partition
                && r.offset == offset
                && r.timestamp == timestamp
                && Arrays.equals(r.key, key)
                && Arrays.equals(r.value, value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(topic, partition, offset);
    }

    @Override
    public String toString() {
        return topic + "-" + partition + "@" + offset;
    }
}
