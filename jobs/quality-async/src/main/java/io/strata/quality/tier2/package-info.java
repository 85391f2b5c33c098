/**
 * Tier 2 (warning, non-blocking): orders whose customer never arrives, and volume and null rate per
 * tenant, entity and event-time window against a rolling baseline.
 */
package io.strata.quality.tier2;
