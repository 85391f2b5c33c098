package io.strata.silver.reprocess;

import io.strata.model.QuarantineReason;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * The latest refusal of one Bronze event by the Silver gate, as {@code silver.quarantine} holds it.
 *
 * @param configVersion the tenant configuration in force when it was refused (null: none)
 */
record Refusal(
        String tenant,
        String eventId,
        QuarantineReason reason,
        String configVersion,
        String checksum,
        Instant quarantinedAt) {

    /** The reasons a configuration change can cure; the others are the record's own fault. */
    static final Set<QuarantineReason> FIXABLE =
            EnumSet.of(
                    QuarantineReason.UNKNOWN_TENANT,
                    QuarantineReason.UNKNOWN_SCHEMA_VERSION,
                    QuarantineReason.UNKNOWN_RECORD_TYPE,
                    QuarantineReason.NULL_KEY,
                    QuarantineReason.MISSING_REQUIRED_FIELD,
                    QuarantineReason.TYPE_COERCION_FAILED);

    boolean fixable() {
        return FIXABLE.contains(reason);
    }
}
