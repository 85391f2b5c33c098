package io.strata.silver.extract;

import io.strata.model.QuarantineReason;

/**
 * A record failing the Tier-1 gate while it is being extracted. Internal control flow only: the
 * extractor turns it into an {@link Extraction.Refused} value, so no exception ever leaves it. No
 * stack trace: bad records are expected input, not bugs.
 */
final class Tier1Failure extends Exception {

    private static final long serialVersionUID = 1L;

    private final QuarantineReason reason;
    private final String problem;
    private String where;

    Tier1Failure(QuarantineReason reason, String problem) {
        super(problem, null, false, false);
        this.reason = reason;
        this.problem = problem;
    }

    static Tier1Failure coercion(String problem) {
        return new Tier1Failure(QuarantineReason.TYPE_COERCION_FAILED, problem);
    }

    /** Sets where it happened, unless an inner rule already did. */
    Tier1Failure at(String location) {
        if (where == null) {
            where = location;
        }
        return this;
    }

    QuarantineReason reason() {
        return reason;
    }

    /** Whether an entity or field is named, not just the record. */
    boolean located() {
        return where != null;
    }

    /** The entity or field where it happened, null when the record as a whole failed. */
    String where() {
        return where;
    }

    /** {@code order_line[0].quantity (@.qty): cannot read 'abc' as an integer}. */
    String detail() {
        return where == null ? problem : where + ": " + problem;
    }
}
