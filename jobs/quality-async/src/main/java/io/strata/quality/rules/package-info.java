/**
 * Tier-2 and Tier-3 rules and thresholds per tenant: the job's defaults and each tenant
 * configuration's optional {@code quality:} section, validated with located errors.
 */
package io.strata.quality.rules;
