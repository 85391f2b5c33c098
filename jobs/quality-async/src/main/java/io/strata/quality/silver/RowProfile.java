package io.strata.quality.silver;

/**
 * What the volume and null-rate rules need of a Silver row: its tenant, entity and event time, and
 * which of the entity's {@link SilverTopic#nullableFields()} it leaves null, and the SILVER
 * manifest record it belongs to. A Flink POJO.
 */
public final class RowProfile {

    public String tenant;
    public String entity;
    public long eventTime;
    public boolean[] nulls;

    /** The SILVER manifest record that counted the row's event; null in rows without one. */
    public String manifestId;

    public RowProfile() {}

    public RowProfile(
            String tenant, String entity, long eventTime, boolean[] nulls, String manifestId) {
        this.tenant = tenant;
        this.entity = entity;
        this.eventTime = eventTime;
        this.nulls = nulls;
        this.manifestId = manifestId;
    }

    /** The key of the profile windows: tenant and entity. */
    public String tenantEntity() {
        return tenant + "|" + entity;
    }
}
