package io.strata.bronze;

import io.strata.model.SourceCoordinates;
import io.strata.model.SourceKind;
import io.strata.model.bronze.BronzeEvent;
import io.strata.model.bronze.Operation;
import java.time.Instant;

/** Test data: parsed Bronze events. */
public final class BronzeEvents {

    private BronzeEvents() {}

    /** An event of {@code tenant} read from {@code raw.commerce} partition 0 at {@code offset}. */
    public static BronzeEvent event(String tenant, String eventId, Instant eventTime, long offset) {
        return event(tenant, eventId, eventTime, 0, offset);
    }

    public static BronzeEvent event(
            String tenant, String eventId, Instant eventTime, int partition, long offset) {
        // The builder, not the all-fields constructor: upgrade tests run this with v2's class.
        return BronzeEvent.newBuilder()
                .setEventId(eventId)
                .setTenantId(tenant)
                .setApp("commerce")
                .setRecordType("sales_order")
                .setSchemaVersion("1.0")
                .setOp(Operation.CREATE)
                .setEventTime(eventTime)
                .setIngestTime(RawRecords.MONDAY_11AM)
                .setSource(
                        new SourceCoordinates(
                                SourceKind.WEBHOOK,
                                RawRecords.RAW_TOPIC,
                                partition,
                                offset,
                                null,
                                null))
                .setPayload("{}")
                .setChecksum("00")
                .setLate(false)
                .setManifestId(null)
                .build();
    }
}
