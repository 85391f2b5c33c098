package io.strata.gold.vault;

import io.strata.common.flink.Uids;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * Where the vault's hubs, links and satellites go: Iceberg in production ({@link
 * IcebergVaultSinks}), a collector in tests. Implementations add operators with uids from {@code
 * uids}.
 */
public interface VaultSinks {

    /**
     * The rows of one vault table, each of the table's Avro class ({@link VaultTable#type()}).
     * Every row is an upsert by the table's identifier: a row that is written again (a replay, a
     * key's earlier sighting) replaces the one before.
     */
    <T extends SpecificRecordBase> void rows(VaultTable table, DataStream<T> rows, Uids uids);
}
