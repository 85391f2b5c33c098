package io.strata.bronze.time;

/** The newest event time seen on one source partition (operator state; a Flink POJO). */
public class PartitionEventTime {

    /** {@code topic/partition}. */
    public String partition;

    public long newestEventTime;

    public PartitionEventTime() {}

    public PartitionEventTime(String partition, long newestEventTime) {
        this.partition = partition;
        this.newestEventTime = newestEventTime;
    }
}
