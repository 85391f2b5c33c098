package io.strata.quality.silver;

/**
 * What the volume and null-rate rules need of a Silver row: its tenant, entity and event time, and
 * which of the entity's {@link SilverTopic#nullableFields()} it leaves null. A Flink POJO.
 */
public final class RowProfile {

    public String tenant;
    public String entity;
    public long eventTime;
    public boolean[] nulls;

    public RowProfile() {}

    public RowProfile(String tenant, String entity, long eventTime, boolean[] nulls) {
        this.tenant = tenant;
        this.entity = entity;
        this.eventTime = eventTime;
        this.nulls = nulls;
    }

    /** The key of the profile windows: tenant and entity. */
    public String tenantEntity() {
        return tenant + "|" + entity;
    }
}
