package io.strata.silver.sink;

import io.strata.model.silver.EntityMeta;
import io.strata.silver.config.CanonicalEntity;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Kafka keys of the Silver topics: {@code tenant|business key} (a composite key's parts joined by
 * {@code |}), so every version of a row lands on one partition, in order, and compaction keeps the
 * latest.
 */
public final class SilverKafkaKeys {

    private SilverKafkaKeys() {}

    public static String of(CanonicalEntity entity, SpecificRecordBase row) {
        StringBuilder key =
                new StringBuilder(((EntityMeta) row.get(entity.metaPosition())).getTenantId());
        for (String field : entity.keyFields()) {
            key.append('|').append(row.get(entity.field(field).position()));
        }
        return key.toString();
    }
}
