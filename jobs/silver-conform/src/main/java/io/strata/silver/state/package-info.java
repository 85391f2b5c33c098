/**
 * Sequencing of Silver rows: the records the conform step hands over ({@link
 * io.strata.silver.state.SilverChange}, entity rows as Avro binary), the keyed operator that
 * applies them by event time with hash diffs and tombstones, and its per-entity outputs. Knows the
 * canonical entities, not tenants or sinks.
 */
package io.strata.silver.state;
