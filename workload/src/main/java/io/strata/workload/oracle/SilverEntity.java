package io.strata.workload.oracle;

/**
 * The canonical Silver entities, named as silver-conform names their tables and topics ({@code
 * silver.<entity name>}).
 */
public enum SilverEntity {
    CUSTOMER("customer"),
    PRODUCT("product"),
    ORDER("order"),
    ORDER_LINE("order_line"),
    INVOICE("invoice"),
    SHIPMENT("shipment"),
    PRODUCT_RETURN("product_return"),
    SUPPORT_TICKET("support_ticket");

    private final String entityName;

    SilverEntity(String entityName) {
        this.entityName = entityName;
    }

    public String entityName() {
        return entityName;
    }

    /** The Silver topic with the default prefix, e.g. {@code silver.order}. */
    public String topic() {
        return "silver." + entityName;
    }
}
