package io.strata.silver.reprocess;

import io.strata.model.SourceCoordinates;
import io.strata.model.SourceKind;
import io.strata.model.bronze.BronzeEvent;
import io.strata.model.bronze.Operation;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.apache.iceberg.data.Record;

/** Reads a row of Bronze's Iceberg events table back into the {@link BronzeEvent} it was. */
final class BronzeEventRecords {

    private BronzeEventRecords() {}

    static BronzeEvent fromIceberg(Record r) {
        Record source = (Record) r.getField("source");
        return BronzeEvent.newBuilder()
                .setEventId((String) r.getField("event_id"))
                .setTenantId((String) r.getField("tenant_id"))
                .setApp((String) r.getField("app"))
                .setRecordType((String) r.getField("record_type"))
                .setSchemaVersion((String) r.getField("schema_version"))
                .setOp(Operation.valueOf((String) r.getField("op")))
                .setEventTime(instant(r.getField("event_time")))
                .setIngestTime(instant(r.getField("ingest_time")))
                .setSource(
                        new SourceCoordinates(
                                SourceKind.valueOf((String) source.getField("kind")),
                                (String) source.getField("topic"),
                                (Integer) source.getField("partition"),
                                (Long) source.getField("offset"),
                                (String) source.getField("cdc_table"),
                                (Long) source.getField("cdc_lsn")))
                .setPayload((String) r.getField("payload"))
                .setChecksum((String) r.getField("checksum"))
                .setLate((Boolean) r.getField("late"))
                .setManifestId(
                        r.struct().field("manifest_id") == null
                                ? null
                                : (String) r.getField("manifest_id"))
                .build();
    }

    private static Instant instant(Object timestamptz) {
        return ((OffsetDateTime) timestamptz).toInstant();
    }
}
