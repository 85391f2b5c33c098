package io.strata.silver.config;

/** One broken rule of a tenant configuration, located so that a person can fix it. */
public record ConfigError(ConfigLocation location, String message) {

    /** {@code schemas/tenants/acme.yaml:42: acme 1.0 sales_order → order.total: <message>}. */
    @Override
    public String toString() {
        return location + ": " + message;
    }
}
