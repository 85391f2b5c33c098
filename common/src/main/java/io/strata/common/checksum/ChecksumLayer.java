package io.strata.common.checksum;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The one place that says which columns a layer's checksums leave out, and why: columns whose
 * values legitimately differ between a live run and a replay over the same input — wall-clock times
 * and the run's own lineage (manifest ids carry checkpoint numbers). Everything else is content a
 * replay must reproduce. A path applies to every table of the layer that has it ({@code
 * docs/checksum.md} lists the same, checked by a test).
 */
public enum ChecksumLayer {
    BRONZE(
            new ExcludedColumn("ingest_time", "wall-clock time bronze-ingest read the record"),
            new ExcludedColumn(
                    "manifest_id",
                    "the run's lineage: the Bronze manifest window (checkpoint) that counted the"
                            + " event"),
            ExcludedColumn.QUARANTINED_AT),
    SILVER(
            new ExcludedColumn(
                    "meta.processed_at", "wall-clock time silver-conform extracted the row"),
            new ExcludedColumn(
                    "meta.manifest_id",
                    "the run's lineage: the Silver manifest window (checkpoint) that counted the"
                            + " source event"),
            ExcludedColumn.QUARANTINED_AT),
    GOLD(
            new ExcludedColumn(
                    "computed_at", "wall-clock time gold-features computed the feature row"),
            ExcludedColumn.QUARANTINED_AT),
    OPS(
            new ExcludedColumn(
                    "created_at", "wall-clock time a manifest record was written (ops.manifest)"),
            new ExcludedColumn(
                    "manifest_ids",
                    "the run's lineage: the manifest windows behind an alert or finding"),
            ExcludedColumn.QUARANTINED_AT);

    /** A column left out of a layer's checksums. */
    public record ExcludedColumn(String path, String reason) {
        static final ExcludedColumn QUARANTINED_AT =
                new ExcludedColumn(
                        "quarantined_at", "wall-clock time the layer's gate refused the record");
    }

    private final List<ExcludedColumn> excluded;

    ChecksumLayer(ExcludedColumn... excluded) {
        this.excluded = List.of(excluded);
    }

    public List<ExcludedColumn> excluded() {
        return excluded;
    }

    /** The dotted paths of {@link #excluded()}. */
    public Set<String> excludedPaths() {
        Set<String> paths = new LinkedHashSet<>();
        excluded.forEach(c -> paths.add(c.path()));
        return paths;
    }

    /** The layer's name as the command line takes it: bronze, silver, gold, ops. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The layer of a command-line name, case-insensitive. */
    public static Optional<ChecksumLayer> of(String name) {
        for (ChecksumLayer layer : values()) {
            if (layer.cliName().equalsIgnoreCase(name)) {
                return Optional.of(layer);
            }
        }
        return Optional.empty();
    }
}
