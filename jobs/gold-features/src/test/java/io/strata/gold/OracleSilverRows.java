package io.strata.gold;

import io.strata.gold.input.SilverEntity;
import io.strata.model.gold.CustomerFeatures;
import io.strata.workload.oracle.SilverVersion;
import io.strata.workload.oracle.gold.FeatureRow;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Which Silver topic Gold reads an oracle version from, and the oracle's Gold rows in the shapes
 * the tests read back from the job's tables and topics.
 */
final class OracleSilverRows {

    private OracleSilverRows() {}

    /** The entity Gold reads this version from; null for the entities it does not read. */
    static SilverEntity entity(SilverVersion v) {
        return switch (v.entity()) {
            case CUSTOMER -> SilverEntity.CUSTOMER;
            case PRODUCT -> SilverEntity.PRODUCT;
            case ORDER -> SilverEntity.ORDER;
            case ORDER_LINE -> SilverEntity.ORDER_LINE;
            case SUPPORT_TICKET -> SilverEntity.SUPPORT_TICKET;
            case PRODUCT_RETURN -> SilverEntity.PRODUCT_RETURN;
            case INVOICE, SHIPMENT -> null;
        };
    }

    /** A vault row of the oracle as its column values, in table order. */
    static List<Object> values(Record row) {
        List<Object> values = new ArrayList<>();
        try {
            for (RecordComponent c : row.getClass().getRecordComponents()) {
                values.add(c.getAccessor().invoke(row));
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return values;
    }

    /** An oracle feature row as the job writes it (computed_at at the epoch). */
    static CustomerFeatures features(FeatureRow f) {
        return CustomerFeatures.newBuilder()
                .setTenantId(f.tenantId())
                .setCustomerKey(f.customerKey())
                .setCustomerHk(f.customerHk())
                .setOrderCount30d(f.orderCount30d())
                .setAvgOrderValue30d(f.avgOrderValue30d())
                .setLifetimeSpend(f.lifetimeSpend())
                .setLifetimeOrderCount(f.lifetimeOrderCount())
                .setFirstOrderTime(f.firstOrderTime())
                .setLastOrderTime(f.lastOrderTime())
                .setDaysSinceLastOrder(f.daysSinceLastOrder())
                .setPurchaseTrend(f.purchaseTrend())
                .setOpenSupportTickets(f.openSupportTickets())
                .setReturnRate90d(f.returnRate90d())
                .setValidFrom(f.validFrom())
                .setValidTo(f.validTo())
                .setComputedAt(Instant.EPOCH)
                .setFeatureVersion(1)
                .build();
    }

    /**
     * {@code row} with its ratios rounded to 9 places: two exact ways of dividing may differ in the
     * last bit.
     */
    static CustomerFeatures comparable(CustomerFeatures row) {
        return CustomerFeatures.newBuilder(row)
                .setPurchaseTrend(round(row.getPurchaseTrend()))
                .setReturnRate90d(round(row.getReturnRate90d()))
                .build();
    }

    private static Double round(Double d) {
        return d == null ? null : Math.round(d * 1e9) / 1e9;
    }
}
