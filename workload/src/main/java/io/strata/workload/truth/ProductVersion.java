package io.strata.workload.truth;

/** One product's catalog attributes, valid from {@code validFrom}; the price in minor units. */
public record ProductVersion(
        String key,
        String name,
        String category,
        long unitPriceCents,
        String currency,
        long validFrom) {}
