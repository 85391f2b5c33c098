package io.strata.gold.features;

/** Where the customer features go (Iceberg and Kafka in production). To be filled in. */
public interface FeatureSinks {}
