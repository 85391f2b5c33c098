package io.strata.silver.state;

import io.strata.model.SourceCoordinates;
import io.strata.silver.extract.SilverRow;
import java.util.Arrays;
import java.util.Objects;

/**
 * One extracted Silver row on its way to sequencing: what the sequencer compares (tenant, entity,
 * key, event time, source position, hash diff, tombstone) and the row itself as Avro binary of the
 * entity's class. A Flink POJO, so it crosses the network without Kryo whatever the entity.
 */
public class SilverChange {

    public String tenant;

    /** The canonical entity name ({@code customer}, {@code order_line}, ...). */
    public String entity;

    /** The business key; parts of a composite key joined by {@link SilverRow#KEY_SEPARATOR}. */
    public String key;

    /** The key of the parent row (an order line's order), null for entities without a parent. */
    public String parentKey;

    public boolean master;
    public boolean deleted;
    public long eventTime;

    /** Where the Bronze record was read from (Bronze's source coordinates), for ordering ties. */
    public String sourceTopic;

    public int sourcePartition;
    public long sourceOffset;
    public String hashDiff;

    /** The row, Avro binary of the entity's class. */
    public byte[] record;

    public SilverChange() {}

    /** The change of an extracted row read from Bronze at {@code source}. */
    public static SilverChange of(SilverRow row, SourceCoordinates source, byte[] record) {
        SilverChange c = new SilverChange();
        c.tenant = row.meta().getTenantId();
        c.entity = row.entity().entityName();
        c.key = row.key();
        c.parentKey = row.parentKey();
        c.master = row.master();
        c.deleted = row.deleted();
        c.eventTime = row.meta().getEventTime().toEpochMilli();
        c.sourceTopic = source.getTopic();
        c.sourcePartition = source.getPartition();
        c.sourceOffset = source.getOffset();
        c.hashDiff = row.meta().getHashDiff();
        c.record = record;
        return c;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SilverChange c
                && c.master == master
                && c.deleted == deleted
                && c.eventTime == eventTime
                && c.sourcePartition == sourcePartition
                && c.sourceOffset == sourceOffset
                && Objects.equals(c.tenant, tenant)
                && Objects.equals(c.entity, entity)
                && Objects.equals(c.key, key)
                && Objects.equals(c.parentKey, parentKey)
                && Objects.equals(c.sourceTopic, sourceTopic)
                && Objects.equals(c.hashDiff, hashDiff)
                && Arrays.equals(c.record, record);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tenant, entity, key, eventTime, sourceOffset);
    }

    @Override
    public String toString() {
        return entity
                + " "
                + tenant
                + "/"
                + key.replace(SilverRow.KEY_SEPARATOR, '|')
                + (deleted ? " (delete)" : "")
                + " @"
                + eventTime
                + " "
                + sourceTopic
                + "/"
                + sourcePartition
                + "@"
                + sourceOffset;
    }
}
