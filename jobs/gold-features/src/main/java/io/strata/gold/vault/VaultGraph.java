package io.strata.gold.vault;

import io.strata.common.flink.Uids;
import io.strata.gold.input.SilverStreams;
import org.apache.flink.configuration.ReadableConfig;

/** The Data Vault part of the graph ({@code docs/gold.md}). To be filled in. */
public final class VaultGraph {

    private VaultGraph() {}

    public static void build(
            SilverStreams silver, ReadableConfig config, VaultSinks sinks, Uids uids) {}
}
