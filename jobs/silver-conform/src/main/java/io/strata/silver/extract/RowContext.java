package io.strata.silver.extract;

import io.strata.model.silver.EntityMeta;
import java.time.Instant;
import org.apache.avro.specific.SpecificRecordBase;

/** The lineage every row of one Bronze record carries, and the factory of those rows. */
final class RowContext {

    /** SHA-256 of nothing: the hash diff of a tombstone. */
    static final String EMPTY_HASH =
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private final String tenant;
    private final String app;
    private final String schemaVersion;
    private final String configVersion;
    private final Instant eventTime;
    private final String eventId;
    private final String position;
    private final Instant processedAt;
    private final HashDiff hashDiff;

    RowContext(
            String tenant,
            String app,
            String schemaVersion,
            String configVersion,
            Instant eventTime,
            String eventId,
            String position,
            Instant processedAt,
            HashDiff hashDiff) {
        this.tenant = tenant;
        this.app = app;
        this.schemaVersion = schemaVersion;
        this.configVersion = configVersion;
        this.eventTime = eventTime;
        this.eventId = eventId;
        this.position = position;
        this.processedAt = processedAt;
        this.hashDiff = hashDiff;
    }

    SilverRow row(CompiledEntity e, String key, Object[] keyValues, Object[] values) {
        SpecificRecordBase r = e.type.newRecord();
        e.putKey(r, keyValues);
        e.putFields(r, values);
        String hash = hashDiff.of(e.hashNames, e.hashValues(values));
        r.put(e.metaPosition, meta(hash, false));
        return new SilverRow(e.type, key, e.master, false, r);
    }

    SilverRow tombstone(CompiledEntity e, String key, Object[] keyValues) {
        SpecificRecordBase r = e.type.newRecord();
        e.putKey(r, keyValues);
        e.putZeros(r);
        r.put(e.metaPosition, meta(EMPTY_HASH, true));
        return new SilverRow(e.type, key, e.master, true, r);
    }

    private EntityMeta meta(String hash, boolean deleted) {
        return new EntityMeta(
                tenant,
                app,
                schemaVersion,
                configVersion,
                eventTime,
                eventId,
                position,
                hash,
                deleted,
                processedAt,
                null); // manifest_id: ConformBronzeEvents knows the manifest window
    }
}
