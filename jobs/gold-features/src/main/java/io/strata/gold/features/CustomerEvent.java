package io.strata.gold.features;

import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * A version of an order, ticket or return on its way to a customer's features: first keyed by its
 * entity ({@link FeatureKeys#ENTITY}) with no customer yet, then, once attributed, keyed by the
 * customer ({@link FeatureKeys#CUSTOMER}). Carries the Silver row's lineage and bytes only for the
 * quarantine of a version that comes too late. A Flink POJO.
 */
public class CustomerEvent {

    public static final TypeInformation<CustomerEvent> TYPE =
            TypeInformation.of(CustomerEvent.class);

    public String tenant;

    /** The customer whose features this version is an input event of; null before attribution. */
    public String customer;

    public EntityVersion version;

    /** {@code meta.source_event_id}: the Bronze event the Silver row came from. */
    public String sourceEventId;

    /** {@code meta.schema_version} of that Bronze event. */
    public String schemaVersion;

    /** The Silver row in Avro's single-object encoding, kept if the version is quarantined. */
    public byte[] silverRow;

    /**
     * A copy of an earlier-attributed version, sent again to a customer it also concerns (see
     * {@link AttributeToCustomers}); it carries no Silver row: too late, it is only counted.
     */
    public boolean reattributed;

    public CustomerEvent() {}

    /** This event for {@code customer}. */
    public CustomerEvent attributedTo(String customer) {
        CustomerEvent e = new CustomerEvent();
        e.tenant = tenant;
        e.customer = customer;
        e.version = version;
        e.sourceEventId = sourceEventId;
        e.schemaVersion = schemaVersion;
        e.silverRow = silverRow;
        return e;
    }

    @Override
    public String toString() {
        return tenant + " " + version + (customer == null ? "" : " for " + customer);
    }
}
