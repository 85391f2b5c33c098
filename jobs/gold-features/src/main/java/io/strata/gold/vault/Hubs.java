package io.strata.gold.vault;

import io.strata.common.vault.HashKeys;
import io.strata.model.gold.HubCustomer;
import io.strata.model.gold.HubOrder;
import io.strata.model.gold.HubProduct;
import io.strata.model.silver.Customer;
import io.strata.model.silver.EntityMeta;
import io.strata.model.silver.Order;
import io.strata.model.silver.OrderLine;
import io.strata.model.silver.Product;

/**
 * The hub keys a Silver row version brings ({@code docs/gold.md}): its own business key and the
 * keys it references. Null when it brings none: a deleted version adds no key, and a missing
 * reference is the ghost row's, which exists already.
 */
final class Hubs {

    private Hubs() {}

    static HubCustomer customer(Customer customer, String recordSource) {
        return customer(customer.getMeta(), customer.getCustomerKey(), recordSource);
    }

    /** The customer an order references. */
    static HubCustomer customerOf(Order order, String recordSource) {
        return customer(order.getMeta(), order.getCustomerKey(), recordSource);
    }

    static HubProduct product(Product product, String recordSource) {
        return product(product.getMeta(), product.getProductKey(), recordSource);
    }

    /** The product an order line references. */
    static HubProduct productOf(OrderLine line, String recordSource) {
        return product(line.getMeta(), line.getProductKey(), recordSource);
    }

    static HubOrder order(Order order, String recordSource) {
        return order(order.getMeta(), order.getOrderKey(), recordSource);
    }

    /** The order an order line belongs to. */
    static HubOrder orderOf(OrderLine line, String recordSource) {
        return order(line.getMeta(), line.getOrderKey(), recordSource);
    }

    private static HubCustomer customer(EntityMeta meta, String key, String recordSource) {
        String hk = hubKey(meta, key);
        return hk == null
                ? null
                : new HubCustomer(hk, meta.getTenantId(), key, meta.getEventTime(), recordSource);
    }

    private static HubProduct product(EntityMeta meta, String key, String recordSource) {
        String hk = hubKey(meta, key);
        return hk == null
                ? null
                : new HubProduct(hk, meta.getTenantId(), key, meta.getEventTime(), recordSource);
    }

    private static HubOrder order(EntityMeta meta, String key, String recordSource) {
        String hk = hubKey(meta, key);
        return hk == null
                ? null
                : new HubOrder(hk, meta.getTenantId(), key, meta.getEventTime(), recordSource);
    }

    /** The key's hash key, or null when the version is a delete or the key is missing. */
    private static String hubKey(EntityMeta meta, String key) {
        if (meta.getDeleted()) {
            return null;
        }
        String hk = HashKeys.reference(meta.getTenantId(), key);
        return hk.equals(HashKeys.GHOST) ? null : hk;
    }
}
