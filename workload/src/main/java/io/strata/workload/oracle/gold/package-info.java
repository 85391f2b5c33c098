/**
 * The Gold oracle: from the row versions Silver publishes ({@link
 * io.strata.workload.oracle.SilverChangeLog}), the Data Vault and the customer features {@code
 * docs/gold.md} defines, computed in plain Java and hashed by an implementation of the spec of its
 * own ({@link io.strata.workload.oracle.gold.VaultHash}). Entry point: {@link
 * io.strata.workload.oracle.gold.GoldOracle}.
 */
package io.strata.workload.oracle.gold;
