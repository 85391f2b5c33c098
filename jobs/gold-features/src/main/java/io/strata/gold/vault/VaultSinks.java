package io.strata.gold.vault;

/** Where the vault's hubs, links and satellites go (Iceberg in production). To be filled in. */
public interface VaultSinks {}
