package io.strata.gold.vault;

import java.time.Instant;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * When and from where a hub or link key was brought: its row's load time and record source. A Flink
 * POJO, the state of {@link FirstSighting}.
 */
public class Sighting {

    /** Epoch millis. */
    public long loadTime;

    public String recordSource;

    public Sighting() {}

    Sighting(long loadTime, String recordSource) {
        this.loadTime = loadTime;
        this.recordSource = recordSource;
    }

    /** The sighting of a hub or link row. */
    static Sighting of(SpecificRecordBase row) {
        return new Sighting(
                ((Instant) row.get(VaultColumns.LOAD_TIME)).toEpochMilli(),
                (String) row.get(VaultColumns.RECORD_SOURCE));
    }

    /** Earlier load time first; at the same load time, the record source decides. */
    boolean isBefore(Sighting other) {
        return loadTime != other.loadTime
                ? loadTime < other.loadTime
                : recordSource.compareTo(other.recordSource) < 0;
    }
}
