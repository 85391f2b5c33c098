/**
 * Operator control of the running jobs: pausing and resuming a tenant through the compacted {@code
 * control.tenants} topic, read by bronze-ingest and silver-conform as broadcast state, and the
 * operator that holds a paused tenant's records in keyed state until it is resumed.
 */
package io.strata.common.control;
