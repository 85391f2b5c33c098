package io.strata.quality.results;

/** The Tier-2 and Tier-3 rule names, as in results and alerts. */
public final class Rules {

    public static final String REFERENTIAL_INTEGRITY = "quality.referential-integrity";
    public static final String NULL_RATE = "quality.null-rate";
    public static final String VOLUME = "quality.volume";
    public static final String ORDER_TOTAL_OUTLIER = "quality.order-total-outlier";
    public static final String DUPLICATE_CUSTOMER = "quality.duplicate-customer";

    private Rules() {}
}
