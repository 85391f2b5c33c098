package io.strata.workload.truth;

/**
 * Sizes and dynamics of each tenant's master data.
 *
 * @param start start of the run's event time (epoch millis)
 * @param span expected length of the run's event time, over which attribute changes spread
 * @param customerChangeRate mean number of attribute changes per registered customer
 * @param productChangeRate mean number of price changes per product
 */
public record MasterDataSpec(
        int customers,
        int products,
        double zipfExponent,
        long start,
        long span,
        double customerChangeRate,
        double productChangeRate) {}
