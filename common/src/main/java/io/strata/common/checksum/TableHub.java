package io.strata.common.checksum;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.CloseableIterable;

/**
 * The hub a table without a tenant column belongs to (a Data Vault satellite): the table of the
 * same namespace with a {@code tenant_id} column and a single identifier column that the table
 * carries among its own identifier columns (satellite {@code customer_hk} → {@code hub_customer}).
 * Hub rows are written once and never change their tenant, so the hub says whose a row is.
 *
 * @param hub the hub table
 * @param key the identifier column the two share
 */
public record TableHub(Table hub, String key) {

    /** The hub of {@code table} ({@code id}), if it has one. */
    public static Optional<TableHub> of(Catalog catalog, TableIdentifier id, Table table) {
        Set<String> identifiers = table.schema().identifierFieldNames();
        if (identifiers.isEmpty()) {
            return Optional.empty();
        }
        return catalog.listTables(id.namespace()).stream()
                .filter(other -> !other.equals(id))
                .sorted((a, b) -> a.name().compareTo(b.name()))
                .map(catalog::loadTable)
                .filter(t -> t.schema().findField("tenant_id") != null)
                .filter(t -> t.schema().identifierFieldNames().size() == 1)
                .map(t -> new TableHub(t, t.schema().identifierFieldNames().iterator().next()))
                .filter(h -> identifiers.contains(h.key()))
                .findFirst();
    }

    /** The keys of {@code tenant}'s hub rows, as the hub's {@code main} holds them now. */
    public Set<String> keysOf(String tenant) {
        Set<String> keys = new HashSet<>();
        hub.refresh();
        if (hub.currentSnapshot() == null) {
            return keys;
        }
        try (CloseableIterable<Record> rows =
                IcebergGenerics.read(hub)
                        .where(Expressions.equal("tenant_id", tenant))
                        .select(key, "tenant_id")
                        .build()) {
            for (Record row : rows) {
                if (tenant.equals(String.valueOf(row.getField("tenant_id")))) {
                    keys.add(row.getField(key).toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + hub.name(), e);
        }
        return keys;
    }
}
