/**
 * cdc-capture: the platform's OLTP tables in Postgres (pgoutput, a named slot and publication) as
 * Debezium change events on {@code cdc.<schema>.<table>} topics, keyed by primary key, exactly
 * once. A job of its own in bronze-ingest's jar: it shares the module (bronze-ingest parses what it
 * writes) but not the job, since the slot's lifecycle is independent of ingest. Depends on common
 * and the shaded Flink CDC connector only, never on bronze-ingest's classes.
 */
package io.strata.bronze.cdc;
