package io.strata.gold.vault;

import io.strata.common.vault.HashKeys;
import io.strata.model.gold.LinkCustomerOrder;
import io.strata.model.gold.LinkOrderProduct;
import io.strata.model.silver.EntityMeta;
import io.strata.model.silver.Order;
import io.strata.model.silver.OrderLine;

/**
 * The links a Silver row version brings ({@code docs/gold.md}): the link key hashes the tenant and
 * the referenced business keys in the order the link names them; a missing reference points to the
 * ghost key. Null for a deleted version, which adds no link.
 */
final class Links {

    private Links() {}

    /** The order's link to its customer. */
    static LinkCustomerOrder customerOrder(Order order, String recordSource) {
        EntityMeta meta = order.getMeta();
        if (meta.getDeleted()) {
            return null;
        }
        String tenant = meta.getTenantId();
        return new LinkCustomerOrder(
                HashKeys.hashKey(tenant, order.getCustomerKey(), order.getOrderKey()),
                HashKeys.reference(tenant, order.getCustomerKey()),
                HashKeys.reference(tenant, order.getOrderKey()),
                tenant,
                meta.getEventTime(),
                recordSource);
    }

    /** The order line's link between its order and its product. */
    static LinkOrderProduct orderProduct(OrderLine line, String recordSource) {
        EntityMeta meta = line.getMeta();
        if (meta.getDeleted()) {
            return null;
        }
        String tenant = meta.getTenantId();
        return new LinkOrderProduct(
                HashKeys.hashKey(tenant, line.getOrderKey(), line.getProductKey()),
                HashKeys.reference(tenant, line.getOrderKey()),
                HashKeys.reference(tenant, line.getProductKey()),
                tenant,
                meta.getEventTime(),
                recordSource);
    }
}
