/**
 * Tier 3 (async, deep): order-total outliers per tenant by robust z-score, and duplicate-customer
 * candidates sharing a normalized email or name under different keys.
 */
package io.strata.quality.tier3;
