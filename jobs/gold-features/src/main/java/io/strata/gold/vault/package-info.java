/** The Data Vault 2.0: hubs, links and satellites from the Silver rows. */
package io.strata.gold.vault;
