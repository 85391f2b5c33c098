package io.strata.quality.tier3;

/**
 * A customer row's claim to a normalized identity (email or name) within its tenant: what the
 * duplicate rule groups customers by. A Flink POJO.
 */
public final class IdentityClaim {

    public String tenant;

    /** {@code email} or {@code name}. */
    public String identity;

    public String value;
    public String customerKey;

    /** The SILVER manifest record of the row; null when unknown. */
    public String manifestId;

    public long eventTime;

    public IdentityClaim() {}

    public IdentityClaim(
            String tenant,
            String identity,
            String value,
            String customerKey,
            String manifestId,
            long eventTime) {
        this.tenant = tenant;
        this.identity = identity;
        this.value = value;
        this.customerKey = customerKey;
        this.manifestId = manifestId;
        this.eventTime = eventTime;
    }

    /** The key the rule groups by: tenant, identity and normalized value. */
    public String groupKey() {
        return tenant + "|" + identity + "|" + value;
    }
}
