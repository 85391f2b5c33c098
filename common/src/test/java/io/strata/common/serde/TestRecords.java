package io.strata.common.serde;

import io.strata.model.SourceCoordinates;
import io.strata.model.SourceKind;
import io.strata.model.bronze.BronzeEvent;
import io.strata.model.bronze.Operation;
import io.strata.model.gold.CustomerFeatures;
import java.math.BigDecimal;
import java.time.Instant;

/** Test data of the project's generated classes, at named instants. */
final class TestRecords {

    static final Instant FIRST_ORDER = Instant.parse("2024-01-05T09:30:00Z");
    static final Instant LAST_ORDER = Instant.parse("2024-03-01T17:45:00Z");
    static final Instant VALID_FROM = Instant.parse("2024-03-02T00:00:00Z");
    static final Instant COMPUTED = Instant.parse("2024-03-02T00:05:00Z");

    private TestRecords() {}

    /** A customer with orders, a decimal average and every nullable field set. */
    static CustomerFeatures activeCustomer() {
        return CustomerFeatures.newBuilder()
                .setTenantId("acme")
                .setCustomerKey("C-1001")
                .setCustomerHk("9f86d081884c7d65")
                .setOrderCount30d(4)
                .setAvgOrderValue30d(new BigDecimal("87.25"))
                .setLifetimeSpend(new BigDecimal("1234.50"))
                .setLifetimeOrderCount(17L)
                .setFirstOrderTime(FIRST_ORDER)
                .setLastOrderTime(LAST_ORDER)
                .setDaysSinceLastOrder(1)
                .setPurchaseTrend(1.5)
                .setOpenSupportTickets(2)
                .setReturnRate90d(0.05)
                .setValidFrom(VALID_FROM)
                .setValidTo(null)
                .setComputedAt(COMPUTED)
                .setFeatureVersion(3)
                .build();
    }

    /** A CDC snapshot row from Postgres. */
    static BronzeEvent cdcSnapshot() {
        return BronzeEvent.newBuilder()
                .setEventId("public.orders:0/16B3748:42")
                .setTenantId("acme")
                .setApp("shop")
                .setRecordType("orders")
                .setSchemaVersion("1")
                .setOp(Operation.SNAPSHOT)
                .setEventTime(FIRST_ORDER)
                .setIngestTime(COMPUTED)
                .setSource(
                        SourceCoordinates.newBuilder()
                                .setKind(SourceKind.CDC)
                                .setTopic("cdc.orders")
                                .setPartition(1)
                                .setOffset(99L)
                                .setCdcTable("public.orders")
                                .setCdcLsn(23_803_720L)
                                .build())
                .setPayload("{\"id\":42,\"total\":\"12.50\"}")
                .setChecksum("0f1e2d")
                .setLate(false)
                .build();
    }
}
