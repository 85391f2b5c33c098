package io.strata.tools.upgrade;

/** A step of an upgrade the cluster refused or failed, with the reason it gave. */
public final class UpgradeStepException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UpgradeStepException(String message) {
        super(message);
    }
}
