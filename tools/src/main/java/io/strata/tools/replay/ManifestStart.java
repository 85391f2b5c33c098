package io.strata.tools.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.CloseableIterable;

/**
 * Where a replay {@code --from manifest:<id>} starts: the earliest window start in the record's
 * ancestry, i.e. the record and, through its lineage, the windows whose records it counted, up to
 * Bronze's. Each of those windows wrote its records to its topics at or after its start (Kafka
 * timestamps are the time of writing), so a replay of any layer downstream of them that reads from
 * that instant reads every record the window concerns (and possibly some before; a replay from a
 * position keeps the rows before it and re-writes what it reads).
 */
public final class ManifestStart {

    private ManifestStart() {}

    /**
     * The start of {@code manifestId}'s ancestry, from the manifest table {@code table} (quality
     * -async's {@code ops.manifest}).
     *
     * @throws IllegalArgumentException when the table has no such record
     */
    public static Instant of(Catalog catalog, String table, String manifestId) {
        TableIdentifier id = TableIdentifier.parse(table);
        if (!catalog.tableExists(id)) {
            throw new IllegalArgumentException(
                    "manifest:" + manifestId + ": there is no manifest table " + table + " yet");
        }
        Set<String> seen = new HashSet<>();
        Set<String> next = Set.of(manifestId);
        Instant earliest = null;
        boolean found = false;
        while (!next.isEmpty()) {
            seen.addAll(next);
            Set<String> parents = new HashSet<>();
            try (CloseableIterable<Record> rows =
                    IcebergGenerics.read(catalog.loadTable(id))
                            .where(Expressions.in("manifest_id", next.toArray()))
                            .select("manifest_id", "start_time", "lineage")
                            .build()) {
                for (Record r : rows) {
                    if (!next.contains((String) r.getField("manifest_id"))) {
                        continue; // a row of a file the filter could not rule out
                    }
                    found |= manifestId.equals(r.getField("manifest_id"));
                    Instant start = ((OffsetDateTime) r.getField("start_time")).toInstant();
                    earliest = earliest == null || start.isBefore(earliest) ? start : earliest;
                    @SuppressWarnings("unchecked")
                    List<String> lineage = (List<String>) r.getField("lineage");
                    if (lineage != null) {
                        lineage.stream().filter(p -> !seen.contains(p)).forEach(parents::add);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read " + table, e);
            }
            if (!found) {
                throw new IllegalArgumentException(
                        "manifest:" + manifestId + ": no such record in " + table);
            }
            next = parents;
        }
        return earliest;
    }
}
