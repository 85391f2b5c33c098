/**
 * Iceberg wiring every job shares: the catalog from configuration, table schemas derived from the
 * Avro definitions, table creation and evolution, and an append sink for Avro records.
 */
package io.strata.common.iceberg;
