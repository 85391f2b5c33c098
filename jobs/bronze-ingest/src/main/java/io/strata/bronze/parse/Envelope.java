package io.strata.bronze.parse;

import io.strata.model.bronze.Operation;
import java.time.Instant;

/**
 * The fields of an accepted envelope, platform or Debezium alike; {@code cdcTable} and {@code
 * cdcLsn} are null for platform envelopes.
 */
record Envelope(
        String eventId,
        String tenantId,
        String app,
        String recordType,
        String schemaVersion,
        Operation op,
        Instant eventTime,
        String cdcTable,
        Long cdcLsn)
        implements EnvelopeRead {}
