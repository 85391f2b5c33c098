package io.strata.tools.commands;

import io.strata.common.checksum.ChecksumComparison;
import io.strata.common.checksum.ChecksumLayer;
import io.strata.common.checksum.TableChecksum;
import io.strata.common.checksum.TableChecksums;
import io.strata.common.checksum.TableVersion;
import io.strata.common.flink.JobConfig;
import io.strata.common.iceberg.IcebergCatalogs;
import io.strata.tools.stack.JobsConfig;
import io.strata.tools.stack.StackHome;
import io.strata.tools.summary.ChecksumReport;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./strata checksum <layer>|<namespace.table>}: the order-independent content checksum of a
 * layer's Iceberg tables per table and tenant ({@link TableChecksums}), and with a second source
 * ({@code --against-branch}, {@code --against-namespace}) whether they match — how a replay is
 * proven to reproduce the live layer.
 */
@Command(
        name = "checksum",
        mixinStandardHelpOptions = true,
        description =
                "Order-independent checksum of a layer's Iceberg tables (bronze, silver, gold, ops)"
                        + " or of one table, per table and tenant, without the columns a replay"
                        + " legitimately changes (docs/checksum.md). With --against-branch or"
                        + " --against-namespace: MATCH/DIFFER per table and tenant, exit code 0"
                        + " when all match, 1 otherwise.")
public final class ChecksumCommand implements Callable<Integer> {

    // The jobs' own options (in the job modules, which tools does not depend on), same defaults.
    static final ConfigOption<String> BRONZE_EVENTS_TABLE =
            ConfigOptions.key("bronze.iceberg.events-table")
                    .stringType()
                    .defaultValue("bronze.events");
    static final ConfigOption<String> SILVER_NAMESPACE =
            ConfigOptions.key("silver.iceberg.namespace").stringType().defaultValue("silver");
    static final ConfigOption<String> GOLD_NAMESPACE =
            ConfigOptions.key("gold.iceberg.namespace").stringType().defaultValue("gold");
    static final ConfigOption<String> OPS_MANIFEST_TABLE =
            ConfigOptions.key("quality.iceberg.manifest-table")
                    .stringType()
                    .defaultValue("ops.manifest");

    @Parameters(
            index = "0",
            paramLabel = "<layer>|<namespace.table>",
            description = "bronze, silver, gold or ops (every table of its namespace), or a table.")
    String target;

    @Option(names = "--tenant", description = "Only this tenant's rows.")
    String tenant;

    @Option(names = "--branch", description = "Read this branch (or tag) instead of main.")
    String branch;

    @Option(names = "--snapshot", description = "Read this snapshot (one table only).")
    Long snapshot;

    @Option(
            names = "--against-branch",
            description = "Compare with this branch (or tag) of the same tables.")
    String againstBranch;

    @Option(
            names = "--against-namespace",
            description = "Compare with the tables of the same names in this namespace.")
    String againstNamespace;

    @Option(
            names = "--layer",
            description =
                    "Leave out this layer's columns for a table outside the layers' namespaces.")
    String layer;

    @Option(
            names = "--config",
            description = "The jobs' configuration file (default: the local stack's).")
    Path config;

    @Override
    public Integer call() {
        Path file = config != null ? config : new JobsConfig(StackHome.fromEnvironment()).write();
        Configuration conf = Configuration.fromMap(JobConfig.readFile(file));
        return run(IcebergCatalogs.load(conf), namespaces(conf), System.out, System.err);
    }

    /** Each layer's namespace, from the jobs' configuration. */
    static Map<ChecksumLayer, Namespace> namespaces(ReadableConfig config) {
        Map<ChecksumLayer, Namespace> namespaces = new EnumMap<>(ChecksumLayer.class);
        namespaces.put(
                ChecksumLayer.BRONZE,
                TableIdentifier.parse(config.get(BRONZE_EVENTS_TABLE)).namespace());
        namespaces.put(
                ChecksumLayer.SILVER, Namespace.of(config.get(SILVER_NAMESPACE).split("\\.")));
        namespaces.put(ChecksumLayer.GOLD, Namespace.of(config.get(GOLD_NAMESPACE).split("\\.")));
        namespaces.put(
                ChecksumLayer.OPS,
                TableIdentifier.parse(config.get(OPS_MANIFEST_TABLE)).namespace());
        return namespaces;
    }

    /** Prints the checksums (or their comparison); the exit code. */
    int run(
            Catalog catalog,
            Map<ChecksumLayer, Namespace> namespaces,
            PrintStream out,
            PrintStream err) {
        String problem = usageProblem();
        if (problem != null) {
            err.println(problem);
            return 2;
        }
        Optional<ChecksumLayer> rules = rules(namespaces);
        Set<String> excluded = rules.map(ChecksumLayer::excludedPaths).orElse(Set.of());
        out.println(header(rules, excluded));
        List<TableIdentifier> tables = tables(catalog, namespaces, null);
        List<TableIdentifier> againstTables =
                againstNamespace == null
                        ? tables
                        : tables(catalog, namespaces, Namespace.of(againstNamespace.split("\\.")));
        if (tables.isEmpty() && againstTables.isEmpty()) {
            // Comparing nothing must not pass for a proof: a misnamed namespace would.
            // Only a layer can have none: a table target names its table.
            err.println(
                    "No tables in namespace "
                            + namespaces.get(targetLayer().orElseThrow())
                            + (againstNamespace == null ? "" : " nor in " + againstNamespace));
            return 1;
        }
        TableChecksums checksums = new TableChecksums(catalog);
        List<TableChecksum> left = read(checksums, tables, version(), excluded, err);
        if (againstBranch == null && againstNamespace == null) {
            out.print(ChecksumReport.of(left));
            return left.stream().anyMatch(t -> t.status() == TableChecksum.Status.MISSING) ? 1 : 0;
        }
        TableVersion againstVersion =
                againstBranch == null ? TableVersion.current() : TableVersion.branch(againstBranch);
        List<TableChecksum> right = read(checksums, againstTables, againstVersion, excluded, err);
        out.println(
                "Comparing "
                        + describe(tables, version())
                        + " with "
                        + describe(againstTables, againstVersion));
        ChecksumComparison comparison = ChecksumComparison.of(left, right);
        out.print(ChecksumReport.of(comparison));
        return comparison.allMatch() ? 0 : 1;
    }

    private String usageProblem() {
        if (targetLayer().isEmpty() && !target.contains(".")) {
            return "'" + target + "' is neither a layer (bronze, silver, gold, ops) nor a table";
        }
        if (layer != null && ChecksumLayer.of(layer).isEmpty()) {
            return "Unknown layer '" + layer + "'; known: bronze, silver, gold, ops";
        }
        if (branch != null && snapshot != null) {
            return "Read --branch or --snapshot, not both";
        }
        if (snapshot != null && targetLayer().isPresent()) {
            return "A snapshot id belongs to one table: --snapshot needs <namespace.table>";
        }
        return null;
    }

    private Optional<ChecksumLayer> targetLayer() {
        return ChecksumLayer.of(target);
    }

    /** The layer whose columns to leave out: --layer, the target layer, or the table's. */
    private Optional<ChecksumLayer> rules(Map<ChecksumLayer, Namespace> namespaces) {
        if (layer != null) {
            return ChecksumLayer.of(layer);
        }
        if (targetLayer().isPresent()) {
            return targetLayer();
        }
        Namespace ns = TableIdentifier.parse(target).namespace();
        return namespaces.entrySet().stream()
                .filter(e -> e.getValue().equals(ns))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    private static String header(Optional<ChecksumLayer> rules, Set<String> excluded) {
        return rules.map(
                        l ->
                                "Columns left out ("
                                        + l.cliName()
                                        + ", see docs/checksum.md): "
                                        + String.join(", ", excluded))
                .orElse(
                        "No layer's namespace: no columns left out (--layer names the rules to"
                                + " apply)");
    }

    /**
     * The target's tables: every table of the layer's namespace, or the one table; in namespace
     * {@code other} instead when it is not null.
     */
    private List<TableIdentifier> tables(
            Catalog catalog, Map<ChecksumLayer, Namespace> namespaces, Namespace other) {
        if (targetLayer().isEmpty()) {
            TableIdentifier table = TableIdentifier.parse(target);
            return List.of(other == null ? table : TableIdentifier.of(other, table.name()));
        }
        Namespace namespace = other != null ? other : namespaces.get(targetLayer().get());
        if (catalog instanceof SupportsNamespaces n && !n.namespaceExists(namespace)) {
            return List.of();
        }
        List<TableIdentifier> tables = new ArrayList<>(catalog.listTables(namespace));
        tables.sort(Comparator.comparing(TableIdentifier::name));
        return tables;
    }

    private TableVersion version() {
        if (snapshot != null) {
            return TableVersion.snapshot(snapshot);
        }
        return branch != null ? TableVersion.branch(branch) : TableVersion.current();
    }

    private List<TableChecksum> read(
            TableChecksums checksums,
            List<TableIdentifier> tables,
            TableVersion version,
            Set<String> excluded,
            PrintStream progress) {
        List<TableChecksum> sums = new ArrayList<>();
        for (TableIdentifier table : tables) {
            progress.println("  reading " + table + " at " + version + " ...");
            sums.add(checksums.compute(table, version, excluded, tenant));
        }
        return sums;
    }

    private String describe(List<TableIdentifier> tables, TableVersion version) {
        String what =
                tables.size() == 1 && targetLayer().isEmpty()
                        ? tables.get(0).toString()
                        : tables.isEmpty() ? "no tables" : tables.get(0).namespace() + ".*";
        return what + " at " + version;
    }
}
