/** quality-async: manifest consolidation, Tier-2/3 quality checks, reconciliation, alerts. */
package io.strata.quality;
