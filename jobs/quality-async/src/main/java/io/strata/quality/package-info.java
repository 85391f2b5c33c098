/**
 * quality-async: consolidates the manifest into Iceberg {@code ops.manifest} and reconciles each
 * BRONZE window with the SILVER records that account for it (alerts to {@code ops.alerts}); checks
 * the Silver topics with the Tier-2 and Tier-3 rules, findings to {@code ops.quality_results} and
 * {@code ops.alerts}.
 */
package io.strata.quality;
