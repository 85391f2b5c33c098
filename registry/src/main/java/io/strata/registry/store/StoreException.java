package io.strata.registry.store;

/** The schemas topic could not be written or read in time; the request may be retried. */
public final class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
