/**
 * The OLTP side (CDC source): schema {@code platform} ({@code oltp/schema.sql}), seed rows, the
 * deterministic change sequence, its expected final state, and JDBC writing and reading.
 */
package io.strata.workload.oltp;
