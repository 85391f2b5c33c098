package io.strata.tools.summary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;

/**
 * The columns of one Iceberg {@code ops.manifest} row that the manifest report needs.
 *
 * @param reconciliation the failed reconciliation check, or null
 * @param findings the check ids of the quality findings concerning the window's rows
 */
public record ManifestRow(
        String manifestId,
        String tenant,
        String layer,
        String status,
        long records,
        long quarantined,
        long duplicates,
        Instant endTime,
        Instant createdAt,
        String reconciliation,
        List<String> findings) {

    /** Every row of {@code table}; empty when it does not exist yet. */
    public static List<ManifestRow> read(Catalog catalog, String table) {
        TableIdentifier id = TableIdentifier.parse(table);
        if (!catalog.tableExists(id)) {
            return List.of();
        }
        List<ManifestRow> rows = new ArrayList<>();
        try (CloseableIterable<Record> records =
                IcebergGenerics.read(catalog.loadTable(id))
                        .select(
                                "manifest_id",
                                "tenant_id",
                                "layer",
                                "status",
                                "record_count",
                                "quality_checks",
                                "end_time",
                                "created_at")
                        .build()) {
            records.forEach(r -> rows.add(of(r)));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + table, e);
        }
        return rows;
    }

    private static ManifestRow of(Record r) {
        Record checks = (Record) r.getField("quality_checks");
        return new ManifestRow(
                (String) r.getField("manifest_id"),
                (String) r.getField("tenant_id"),
                (String) r.getField("layer"),
                (String) r.getField("status"),
                (Long) r.getField("record_count"),
                (Long) checks.getField("quarantine_count"),
                (Long) checks.getField("duplicate_count"),
                ((OffsetDateTime) r.getField("end_time")).toInstant(),
                ((OffsetDateTime) r.getField("created_at")).toInstant(),
                (String) checks.getField("reconciliation"),
                findings(checks));
    }

    @SuppressWarnings("unchecked")
    private static List<String> findings(Record checks) {
        // Absent in tables written before quality-async recorded findings.
        Object findings =
                checks.struct().field("findings") == null ? null : checks.getField("findings");
        return findings == null ? List.of() : List.copyOf((List<String>) findings);
    }
}
