/**
 * quality-async: consolidates the manifest into Iceberg {@code ops.manifest} and reconciles each
 * BRONZE window with the SILVER records that account for it (alerts to {@code ops.alerts}); Tier-2
 * and Tier-3 checks come later.
 */
package io.strata.quality;
