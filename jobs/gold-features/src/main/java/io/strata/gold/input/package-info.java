/** Reading the Silver topics: one Kafka source, decoded per entity onto side outputs. */
package io.strata.gold.input;
