package io.strata.gold.features;

import java.util.Locale;

/** The Silver entities whose versions are input events of the customer features. */
public enum InputKind {
    ORDER("order"),
    TICKET("support_ticket"),
    RETURN("product_return");

    private final String entityName;

    InputKind(String entityName) {
        this.entityName = entityName;
    }

    /** The Silver entity name, as in topic and table names (and quarantine record types). */
    public String entityName() {
        return entityName;
    }

    /** The kebab-case name in operator uids. */
    public String uidName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
