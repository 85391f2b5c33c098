package io.strata.silver.state;

import io.strata.model.silver.EntityMeta;
import io.strata.silver.config.CanonicalEntity;
import io.strata.silver.config.CanonicalField;
import io.strata.silver.extract.SilverRow;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Delete rows the sequencer makes itself: an order's delete removes each of its lines, which the
 * delete event does not name. Only the key and meta of a delete are meaningful; non-null content
 * columns hold zeros so the row still serializes.
 */
final class Tombstones {

    private Tombstones() {}

    /**
     * The delete of {@code entity}'s row {@code key}, with the lineage of the parent's delete (its
     * meta: event time, Bronze position, Silver manifest id).
     */
    static SpecificRecordBase of(CanonicalEntity entity, String key, EntityMeta parentDelete) {
        SpecificRecordBase r = entity.newRecord();
        List<String> keyFields = entity.keyFields();
        String[] parts = key.split(String.valueOf(SilverRow.KEY_SEPARATOR), keyFields.size());
        for (int i = 0; i < keyFields.size(); i++) {
            r.put(entity.field(keyFields.get(i)).position(), i < parts.length ? parts[i] : "");
        }
        for (CanonicalField f : entity.contentFields()) {
            if (!f.nullable()) {
                r.put(f.position(), zero(f));
            }
        }
        r.put(entity.metaPosition(), EntityMeta.newBuilder(parentDelete).setDeleted(true).build());
        return r;
    }

    private static Object zero(CanonicalField f) {
        return switch (f.kind()) {
            case STRING -> "";
            case INT -> 0;
            case LONG -> 0L;
            case DOUBLE -> 0.0;
            case BOOLEAN -> false;
            case TIMESTAMP -> Instant.EPOCH;
            case DECIMAL -> BigDecimal.ZERO.setScale(f.scale());
            case UNSUPPORTED -> null;
        };
    }
}
