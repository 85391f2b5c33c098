package io.strata.bronze.parse;

import io.strata.model.QuarantineReason;
import java.time.Instant;

/**
 * Why an envelope reader refused a record, with whatever it could read before refusing (for the
 * quarantine row and the per-tenant counts).
 */
record Refusal(
        QuarantineReason reason,
        String detail,
        String tenantId,
        String eventId,
        String recordType,
        String schemaVersion,
        Instant eventTime)
        implements EnvelopeRead {

    static Refusal of(QuarantineReason reason, String detail) {
        return new Refusal(reason, detail, null, null, null, null, null);
    }

    Refusal withTenant(String tenant) {
        return new Refusal(reason, detail, tenant, eventId, recordType, schemaVersion, eventTime);
    }
}
