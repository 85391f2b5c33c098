/**
 * Reading the Silver topics: one Kafka source, decoded per entity onto side outputs, each row
 * tallied for the manifest.
 */
package io.strata.gold.input;
