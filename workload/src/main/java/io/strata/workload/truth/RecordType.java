package io.strata.workload.truth;

/** The transaction types tenants send; each embeds customer (and some product) master data. */
public enum RecordType {
    SALES_ORDER("sales_order"),
    INVOICE("invoice"),
    SHIPMENT("shipment"),
    RETURN("return"),
    SUPPORT_TICKET("support_ticket");

    private final String wireName;

    RecordType(String wireName) {
        this.wireName = wireName;
    }

    /** The envelope's {@code record_type}. */
    public String wireName() {
        return wireName;
    }
}
