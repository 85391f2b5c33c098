package io.strata.common.serde;

/**
 * The registry refused a request or could not be reached. Not a property of a record: a job should
 * fail and retry rather than quarantine data because of it.
 */
public final class RegistryClientException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** HTTP status, or 0 when no answer came. */
    private final int status;

    /** Confluent's {@code error_code}, or 0 when none came. */
    private final int errorCode;

    public RegistryClientException(int status, int errorCode, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.errorCode = errorCode;
    }

    public int status() {
        return status;
    }

    public int errorCode() {
        return errorCode;
    }

    /** The registry does not know the schema id (Confluent's 40403). */
    public boolean isUnknownSchemaId() {
        return status == 404 && (errorCode == 40403 || errorCode == 0);
    }
}
