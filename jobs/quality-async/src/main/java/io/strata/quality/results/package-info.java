/** The Tier-2 and Tier-3 findings: rule names, and each finding's alert. */
package io.strata.quality.results;
