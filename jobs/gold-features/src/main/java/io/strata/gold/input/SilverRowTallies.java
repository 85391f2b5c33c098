package io.strata.gold.input;

import io.strata.common.kafka.RawKafkaRecord;
import io.strata.common.manifest.ManifestTally;
import io.strata.common.manifest.ManifestTally.Outcome;
import io.strata.common.manifest.ValueChecksums;
import io.strata.model.silver.EntityMeta;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * The Gold manifest's tallies of Silver row versions read: tenant and event time from the row's
 * meta, counted at its Silver topic coordinates, with the first 8 bytes of the SHA-256 of the
 * record's value as it is on the topic as checksum ({@link ValueChecksums}: quality-async
 * recomputes it from the topic to reconcile Silver with Gold), and the Silver manifest record that
 * counted the row's Bronze event ({@code meta.manifest_id}) as parent. Not thread-safe: one per
 * operator instance.
 */
final class SilverRowTallies {

    private final ValueChecksums checksums = new ValueChecksums();

    /** The tally of {@code row}, decoded from {@code record}. */
    ManifestTally accepted(RawKafkaRecord record, SpecificRecordBase row) {
        EntityMeta meta = (EntityMeta) row.get("meta");
        return new ManifestTally(
                        meta.getTenantId(),
                        record.topic,
                        Outcome.ACCEPTED,
                        meta.getEventTime().toEpochMilli(),
                        false,
                        record.partition,
                        record.offset,
                        checksums.prefix(record.value))
                .withParent(meta.getManifestId());
    }
}
