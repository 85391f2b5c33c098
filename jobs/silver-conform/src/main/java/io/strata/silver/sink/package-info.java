/**
 * Where Silver goes: Iceberg tables upserted by (tenant, business key), the quarantine table and
 * topic, and the silver.&lt;entity&gt; Kafka topics. Only wiring; what to write is decided
 * upstream.
 */
package io.strata.silver.sink;
