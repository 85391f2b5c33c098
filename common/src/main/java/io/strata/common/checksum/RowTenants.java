package io.strata.common.checksum;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.CloseableIterable;

/**
 * Where a table's rows name their tenant: a {@code tenant_id} column (Bronze, Gold, ops), {@code
 * meta.tenant_id} (Silver's entities), or — for a table without either, such as a Data Vault
 * satellite — the hub whose only identifier column the table carries as an identifier column
 * (satellite {@code customer_hk} → {@code hub_customer.tenant_id}). Otherwise the rows are not
 * attributable to tenants.
 */
abstract class RowTenants {

    /** The tenant columns looked for, in this order. */
    static final List<String> TENANT_COLUMNS = List.of("tenant_id", "meta.tenant_id");

    /** The row's tenant. */
    abstract String of(Record row);

    /** A scan filter keeping (at least) the rows of {@code tenant}. */
    Expression filter(String tenant) {
        return Expressions.alwaysTrue();
    }

    boolean byTenant() {
        return true;
    }

    /** How {@code table}'s rows name their tenant; a hub is read for {@code onlyTenant} only. */
    static RowTenants of(
            Catalog catalog,
            TableIdentifier id,
            Table table,
            TableVersion version,
            String onlyTenant) {
        for (String column : TENANT_COLUMNS) {
            if (table.schema().findField(column) != null) {
                return new Column(column);
            }
        }
        return TableHub.of(catalog, id, table)
                .<RowTenants>map(hub -> Hub.read(hub, version, onlyTenant))
                .orElse(NONE);
    }

    private static final RowTenants NONE =
            new RowTenants() {
                @Override
                String of(Record row) {
                    return TableChecksum.ALL;
                }

                @Override
                boolean byTenant() {
                    return false;
                }
            };

    /** The tenant in a (possibly nested) column. */
    private static final class Column extends RowTenants {

        private final String[] path;
        private final String name;

        Column(String name) {
            this.name = name;
            this.path = name.split("\\.");
        }

        @Override
        String of(Record row) {
            Object value = row;
            for (String part : path) {
                value = value == null ? null : ((Record) value).getField(part);
            }
            return value == null ? TableChecksum.NULL_TENANT : value.toString();
        }

        @Override
        Expression filter(String tenant) {
            return Expressions.equal(name, tenant);
        }
    }

    /**
     * The tenant of a hash key, from its hub (read at the same branch when the hub has it, else at
     * its current snapshot: hub rows are written once and never change their tenant).
     */
    private static final class Hub extends RowTenants {

        private final String key;
        private final Map<String, String> tenantByKey;

        private Hub(String key, Map<String, String> tenantByKey) {
            this.key = key;
            this.tenantByKey = tenantByKey;
        }

        static Hub read(TableHub hub, TableVersion version, String onlyTenant) {
            Map<String, String> tenantByKey = new HashMap<>();
            Map<String, String> tenants = new HashMap<>();
            Snapshot snapshot =
                    version.ref() != null && hub.hub().snapshot(version.ref()) != null
                            ? hub.hub().snapshot(version.ref())
                            : hub.hub().currentSnapshot();
            if (snapshot == null) {
                return new Hub(hub.key(), tenantByKey);
            }
            IcebergGenerics.ScanBuilder scan =
                    IcebergGenerics.read(hub.hub())
                            .useSnapshot(snapshot.snapshotId())
                            .select(hub.key(), "tenant_id");
            if (onlyTenant != null) {
                scan = scan.where(Expressions.equal("tenant_id", onlyTenant));
            }
            try (CloseableIterable<Record> rows = scan.build()) {
                for (Record row : rows) {
                    String tenant = String.valueOf(row.getField("tenant_id"));
                    tenantByKey.put(
                            row.getField(hub.key()).toString(),
                            tenants.computeIfAbsent(tenant, t -> t));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read " + hub.hub().name(), e);
            }
            return new Hub(hub.key(), tenantByKey);
        }

        @Override
        String of(Record row) {
            Object hashKey = row.getField(key);
            return hashKey == null
                    ? TableChecksum.NO_HUB_ROW
                    : tenantByKey.getOrDefault(hashKey.toString(), TableChecksum.NO_HUB_ROW);
        }
    }
}
