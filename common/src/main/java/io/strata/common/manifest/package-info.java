/**
 * The manifest every layer writes: per tenant, source and checkpoint, what arrived and what became
 * of it (accepted, duplicates, quarantine, late), with event-time and offset ranges.
 */
package io.strata.common.manifest;
