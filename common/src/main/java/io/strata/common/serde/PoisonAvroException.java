package io.strata.common.serde;

import io.strata.model.QuarantineReason;
import java.io.IOException;

/**
 * Bytes that are not a readable Confluent-framed Avro record. Always a property of the record, so a
 * job turns it into a quarantine entry ({@link #reason()}, {@link #getMessage()} as detail) and
 * carries on; infrastructure failures are {@link RegistryClientException} instead.
 */
public final class PoisonAvroException extends IOException {

    private static final long serialVersionUID = 1L;

    /** What exactly is wrong with the bytes. */
    public enum Kind {
        /** Shorter than the 5-byte header, or the Avro body ends early. */
        TRUNCATED,
        /** The first byte is not Confluent's magic byte 0. */
        WRONG_MAGIC_BYTE,
        /** The registry knows no schema with the id in the header. */
        UNKNOWN_SCHEMA_ID,
        /** The writer schema cannot be read as the reader's schema. */
        INCOMPATIBLE_SCHEMA,
        /** The Avro body does not decode with its writer schema. */
        MALFORMED_PAYLOAD
    }

    private final Kind kind;
    private final int schemaId;

    public PoisonAvroException(Kind kind, int schemaId, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.schemaId = schemaId;
    }

    public Kind kind() {
        return kind;
    }

    /** The schema id from the header, or -1 when the header itself is unreadable. */
    public int schemaId() {
        return schemaId;
    }

    /** The quarantine reason every poison record gets. */
    public QuarantineReason reason() {
        return QuarantineReason.POISON_AVRO;
    }
}
