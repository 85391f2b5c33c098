/**
 * The canonical truth the workload renders: tenants, master data with attribute histories, and
 * business events in event time. Everything the oracle expects is computed from here.
 */
package io.strata.workload.truth;
