package io.strata.common.checksum;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;

/**
 * Computes a table's order-independent content checksum, per tenant: rows are streamed from one
 * snapshot through Iceberg's generic reader (equality and position deletes applied), each row's
 * {@link RowChecksums} prefix is added to its tenant's sum. The result depends on the rows only,
 * not on how they are split into files, commits or partitions, nor on the order they were written.
 */
public final class TableChecksums {

    private final Catalog catalog;

    public TableChecksums(Catalog catalog) {
        this.catalog = catalog;
    }

    /**
     * The checksum of {@code id} at {@code version}, leaving out the columns at the dotted {@code
     * excluded} paths (absent ones are ignored); only {@code onlyTenant}'s rows unless it is null.
     */
    public TableChecksum compute(
            TableIdentifier id, TableVersion version, Set<String> excluded, String onlyTenant) {
        if (!catalog.tableExists(id)) {
            return TableChecksum.missing(id, version, "no table " + id);
        }
        Table table = catalog.loadTable(id);
        Snapshot snapshot;
        try {
            snapshot = version.resolve(table, id.toString());
        } catch (IllegalArgumentException e) {
            return TableChecksum.missing(id, version, e.getMessage());
        }
        RowTenants tenants = RowTenants.of(catalog, id, table, version, onlyTenant);
        if (onlyTenant != null && !tenants.byTenant()) {
            return TableChecksum.notByTenant(id, version, onlyTenant);
        }
        Map<String, long[]> sums =
                snapshot == null ? Map.of() : read(table, snapshot, tenants, excluded, onlyTenant);
        TreeMap<String, Checksum> byTenant = new TreeMap<>();
        Checksum total = Checksum.EMPTY;
        for (Map.Entry<String, long[]> e : sums.entrySet()) {
            Checksum c = new Checksum(e.getValue()[0], e.getValue()[1]);
            total = total.plus(c);
            if (tenants.byTenant()) {
                byTenant.put(e.getKey(), c);
            }
        }
        List<String> present =
                excluded.stream()
                        .filter(p -> table.schema().findField(p) != null)
                        .sorted()
                        .toList();
        return new TableChecksum(
                id,
                version,
                TableChecksum.Status.READ,
                null,
                tenants.byTenant(),
                byTenant,
                total,
                present,
                onlyTenant);
    }

    private static Map<String, long[]> read(
            Table table,
            Snapshot snapshot,
            RowTenants tenants,
            Set<String> excluded,
            String onlyTenant) {
        IcebergGenerics.ScanBuilder scan =
                IcebergGenerics.read(table).useSnapshot(snapshot.snapshotId());
        if (onlyTenant != null) {
            scan = scan.where(tenants.filter(onlyTenant));
        }
        RowChecksums checksums = new RowChecksums(excluded);
        Map<String, long[]> sums = new HashMap<>();
        try (CloseableIterable<Record> rows = scan.build()) {
            for (Record row : rows) {
                String tenant = tenants.of(row);
                if (onlyTenant == null || onlyTenant.equals(tenant)) {
                    long[] sum = sums.computeIfAbsent(tenant, t -> new long[2]);
                    sum[0]++;
                    sum[1] += checksums.prefix(row);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + table.name(), e);
        }
        return sums;
    }
}
