package io.strata.gold.vault;

import io.strata.common.vault.HashKeys;
import io.strata.model.gold.SatCustomerDetails;
import io.strata.model.gold.SatOrderHeader;
import io.strata.model.gold.SatProductDetails;
import io.strata.model.silver.Customer;
import io.strata.model.silver.EntityMeta;
import io.strata.model.silver.Order;
import io.strata.model.silver.Product;
import java.util.Arrays;

/**
 * The satellite row of a Silver row version ({@code docs/gold.md}): the descriptive columns and
 * their hash diff, in the order the spec lists them; a deleted version is a row with {@code deleted
 * = true} whose hash diff also covers the text {@code deleted}. Whether the row is written depends
 * on the previous row of the key ({@link HashDiffChanges}).
 */
final class Satellites {

    /** The part a delete's hash diff has after the descriptive columns. */
    static final String DELETED = "deleted";

    private Satellites() {}

    static SatCustomerDetails customerDetails(Customer c, String recordSource) {
        EntityMeta meta = c.getMeta();
        return new SatCustomerDetails(
                HashKeys.hashKey(meta.getTenantId(), c.getCustomerKey()),
                meta.getEventTime(),
                hashDiff(
                        meta,
                        c.getName(),
                        c.getEmail(),
                        c.getPhone(),
                        c.getSegment(),
                        c.getCity(),
                        c.getCountry(),
                        c.getCreatedAt()),
                recordSource,
                c.getName(),
                c.getEmail(),
                c.getPhone(),
                c.getSegment(),
                c.getCity(),
                c.getCountry(),
                c.getCreatedAt(),
                meta.getDeleted());
    }

    static SatProductDetails productDetails(Product p, String recordSource) {
        EntityMeta meta = p.getMeta();
        return new SatProductDetails(
                HashKeys.hashKey(meta.getTenantId(), p.getProductKey()),
                meta.getEventTime(),
                hashDiff(meta, p.getName(), p.getCategory(), p.getUnitPrice(), p.getCurrency()),
                recordSource,
                p.getName(),
                p.getCategory(),
                p.getUnitPrice(),
                p.getCurrency(),
                meta.getDeleted());
    }

    static SatOrderHeader orderHeader(Order o, String recordSource) {
        EntityMeta meta = o.getMeta();
        return new SatOrderHeader(
                HashKeys.hashKey(meta.getTenantId(), o.getOrderKey()),
                meta.getEventTime(),
                hashDiff(
                        meta,
                        o.getOrderTime(),
                        o.getStatus(),
                        o.getChannel(),
                        o.getCurrency(),
                        o.getTotalAmount()),
                recordSource,
                o.getOrderTime(),
                o.getStatus(),
                o.getChannel(),
                o.getCurrency(),
                o.getTotalAmount(),
                meta.getDeleted());
    }

    private static String hashDiff(EntityMeta meta, Object... columns) {
        if (!meta.getDeleted()) {
            return HashKeys.hashDiff(columns);
        }
        Object[] withDeleted = Arrays.copyOf(columns, columns.length + 1);
        withDeleted[columns.length] = DELETED;
        return HashKeys.hashDiff(withDeleted);
    }
}
