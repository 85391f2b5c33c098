/**
 * Reconciliation between layers: a BRONZE window against the SILVER records that name it in their
 * lineage, count and checksum.
 */
package io.strata.quality.reconcile;
