package io.strata.bronze.sink;

import io.strata.model.SourceKind;
import io.strata.model.bronze.BronzeEvent;
import io.strata.model.ops.QuarantineRecord;

/**
 * Kafka keys of the Bronze topics. A CDC event is keyed by tenant and row ({@code
 * tenant|schema.table:primary-key}), so all changes of one row stay in order on one partition. A
 * webhook event's entity is only known after Silver's tenant-specific extraction, so it is keyed by
 * {@code tenant|event-id}, which spreads a tenant over all partitions and sends copies of one event
 * to the same one. Quarantine rows are keyed by tenant (null when unknown).
 */
public final class BronzeKafkaKeys {

    private BronzeKafkaKeys() {}

    public static String event(BronzeEvent event) {
        String table = event.getSource().getCdcTable();
        if (event.getSource().getKind() == SourceKind.CDC && table != null) {
            return event.getTenantId() + "|" + table + ":" + primaryKey(event.getEventId(), table);
        }
        return event.getTenantId() + "|" + event.getEventId();
    }

    public static String quarantine(QuarantineRecord record) {
        return record.getTenantId();
    }

    /** The key part of {@code table:position:key}. */
    private static String primaryKey(String eventId, String table) {
        int afterTable = table.length() + 1;
        int afterPosition = eventId.indexOf(':', afterTable);
        return eventId.startsWith(table + ":") && afterPosition > 0
                ? eventId.substring(afterPosition + 1)
                : eventId;
    }
}
