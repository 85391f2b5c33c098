/**
 * Upgrade tests: a job module's v2 compiled from its {@code src/test/upgrade-v2} ({@link
 * io.strata.testing.upgrade.JobV2}), run beside v1 in one JVM with its own class loader, or written
 * over a copy of v1's job jar for a real cluster.
 */
package io.strata.testing.upgrade;
