/**
 * {@code ./strata upgrade}: a running job moved to a new jar through a savepoint, or left running
 * on its old jar when the new one cannot restore that savepoint. Talks to Flink only through its
 * REST API and CLI ({@link io.strata.tools.upgrade.Cluster}); knows nothing of the jobs' code.
 */
package io.strata.tools.upgrade;
