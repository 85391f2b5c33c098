/**
 * {@code ./strata quarantine reprocess}: refused Bronze events sent through Silver again after the
 * tenant's configuration changed.
 */
package io.strata.silver.reprocess;
