/**
 * Customer features in event time, point-in-time correct, with late corrections ({@code
 * docs/gold.md}). {@link io.strata.gold.features.FeaturesGraph} wires it: Silver rows become {@link
 * io.strata.gold.features.CustomerEvent}s, are attributed to customers per entity by {@link
 * io.strata.gold.features.AttributeToCustomers} and computed per customer by {@link
 * io.strata.gold.features.ComputeCustomerFeatures}, whose definitions live in {@link
 * io.strata.gold.features.FeatureCalculator} alone; {@link io.strata.gold.features.FeatureSinks}
 * takes the history and current rows.
 */
package io.strata.gold.features;
