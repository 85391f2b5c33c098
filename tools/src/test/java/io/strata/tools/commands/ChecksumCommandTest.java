package io.strata.tools.commands;

import static org.apache.iceberg.types.Types.NestedField.optional;
import static org.apache.iceberg.types.Types.NestedField.required;
import static org.assertj.core.api.Assertions.assertThat;

import io.strata.common.checksum.ChecksumLayer;
import io.strata.common.checksum.TableChecksum;
import io.strata.common.checksum.TableChecksums;
import io.strata.common.checksum.TableVersion;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.GenericAppenderFactory;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.encryption.EncryptedFiles;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.hadoop.HadoopCatalog;
import org.apache.iceberg.io.DataWriter;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ChecksumCommandTest {

    private static final OffsetDateTime LIVE_RUN = OffsetDateTime.parse("2026-11-21T09:00:00Z");
    private static final OffsetDateTime REPLAY_RUN = OffsetDateTime.parse("2026-11-22T14:30:00Z");

    /** A Silver-shaped table: the tenant and processing time in meta. */
    private static final Schema ENTITY =
            new Schema(
                    required(1, "key", Types.StringType.get()),
                    optional(2, "name", Types.StringType.get()),
                    required(
                            3,
                            "meta",
                            Types.StructType.of(
                                    required(4, "tenant_id", Types.StringType.get()),
                                    required(5, "processed_at", Types.TimestampType.withZone()))));

    @TempDir Path warehouse;

    private HadoopCatalog catalog;
    private Table customer;
    private Table order;

    @BeforeEach
    void liveSilver() {
        catalog = new HadoopCatalog(new Configuration(), warehouse.toUri().toString());
        catalog.createNamespace(Namespace.of("silver"));
        customer = table("silver", "customer");
        order = table("silver", "order");
        append(
                customer,
                "main",
                row("C-1", "Ann", "acme", LIVE_RUN),
                row("G-1", "Gus", "globex", LIVE_RUN));
        append(customer, "main", row("C-2", "Bob", "acme", LIVE_RUN));
        append(order, "main", row("O-1", null, "acme", LIVE_RUN));
    }

    @Test
    void printsEachTableOfTheLayerPerTenantWithItsChecksum() {
        Output run = run("silver");

        assertThat(run.exit).isZero();
        assertThat(run.out)
                .isEqualTo(
                        lines(
                                "Columns left out (silver, see docs/checksum.md): meta.processed_at,"
                                        + " meta.manifest_id, quarantined_at",
                                "TABLE            TENANT  ROWS  CHECKSUM",
                                "silver.customer  acme       2  " + hex("customer", "acme"),
                                "silver.customer  globex     1  " + hex("customer", "globex"),
                                "silver.customer  (all)      3  "
                                        + hex("customer", TableChecksum.ALL),
                                "silver.order     acme       1  " + hex("order", "acme"),
                                "silver.order     (all)      1  "
                                        + hex("order", TableChecksum.ALL)));
    }

    @Test
    void aBranchWithTheSameRowsLaidOutOtherwiseMatches() {
        branch("replay");
        // The replay branch: the same rows in other files and commits, processed at another time.
        rewriteBranch(
                customer,
                "replay",
                List.of(row("C-2", "Bob", "acme", REPLAY_RUN)),
                List.of(
                        row("G-1", "Gus", "globex", REPLAY_RUN),
                        row("C-1", "Ann", "acme", REPLAY_RUN)));
        rewriteBranch(order, "replay", List.of(row("O-1", null, "acme", REPLAY_RUN)));

        Output run = run("silver", "--against-branch", "replay");

        assertThat(run.exit).isZero();
        assertThat(run.out)
                .contains("Comparing silver.* at main with silver.* at branch replay")
                .contains("MATCH: all 5 lines match");
    }

    @Test
    void aChangedRowDiffersForItsTableAndTenantAndExitsWithOne() {
        branch("replay");
        append(order, "replay", row("O-2", null, "acme", REPLAY_RUN));

        Output run = run("silver", "--against-branch", "replay");

        assertThat(run.exit).isEqualTo(1);
        assertThat(run.out)
                .containsPattern("silver.order +acme +1 +[0-9a-f]{16} +2 +[0-9a-f]{16} +DIFFER")
                .containsPattern("silver.customer +globex +1 +[0-9a-f]{16} +1 +[0-9a-f]{16} +MATCH")
                .contains("DIFFER: 2 of 5 lines differ");
    }

    @Test
    void oneTenantOfOneTableAtASnapshotAgainstAnotherNamespace() {
        long first = customer.history().get(0).snapshotId();
        catalog.createNamespace(Namespace.of("silver_replay"));
        Table replay = table("silver_replay", "customer");
        append(replay, "main", row("C-1", "Ann", "acme", REPLAY_RUN));

        Output run =
                run(
                        "silver.customer",
                        "--snapshot",
                        Long.toString(first),
                        "--tenant",
                        "acme",
                        "--against-namespace",
                        "silver_replay");

        assertThat(run.exit).isZero();
        assertThat(run.out)
                .contains(
                        "Comparing silver.customer at snapshot "
                                + first
                                + " with silver_replay.customer at main")
                .containsPattern("silver.customer +acme +1 +[0-9a-f]{16} +1 +[0-9a-f]{16} +MATCH")
                .doesNotContain("globex")
                .contains("MATCH: all 1 lines match");
    }

    @Test
    void aMissingBranchIsReportedAndExitsWithOne() {
        Output run = run("silver.order", "--branch", "nope");

        assertThat(run.exit).isEqualTo(1);
        assertThat(run.out)
                .containsPattern(
                        "silver.order +- +- +missing: silver.order has no branch or tag 'nope'");
    }

    @Test
    void aLayerWithoutTablesIsNoProof() {
        Output run = run("gold", "--against-branch", "replay");

        assertThat(run.exit).isEqualTo(1);
        assertThat(run.err).contains("No tables in namespace gold");
    }

    @Test
    void refusesWhatItCannotDo() {
        assertThat(run("silver", "--snapshot", "1").exit).isEqualTo(2);
        assertThat(run("silver.order", "--branch", "b", "--snapshot", "1").exit).isEqualTo(2);
        assertThat(run("platinum").err).contains("neither a layer");
        assertThat(run("other.order", "--layer", "platinum").exit).isEqualTo(2);
    }

    @Test
    void aTableOutsideTheLayersIsReadWithoutExclusionsUnlessALayerIsNamed() {
        assertThat(run("elsewhere.order").out).startsWith("No layer's namespace");
        assertThat(run("elsewhere.order", "--layer", "silver").out)
                .startsWith("Columns left out (silver");
    }

    @Test
    void theLayersNamespacesComeFromTheJobsOptions() {
        org.apache.flink.configuration.Configuration config =
                org.apache.flink.configuration.Configuration.fromMap(
                        Map.of(
                                "bronze.iceberg.events-table", "raw_layer.events",
                                "gold.iceberg.namespace", "analytics.gold"));

        Map<ChecksumLayer, Namespace> namespaces = ChecksumCommand.namespaces(config);

        assertThat(namespaces)
                .containsEntry(ChecksumLayer.BRONZE, Namespace.of("raw_layer"))
                .containsEntry(ChecksumLayer.SILVER, Namespace.of("silver"))
                .containsEntry(ChecksumLayer.GOLD, Namespace.of("analytics", "gold"))
                .containsEntry(ChecksumLayer.OPS, Namespace.of("ops"));
    }

    private record Output(int exit, String out, String err) {}

    private Output run(String... args) {
        ChecksumCommand command = new ChecksumCommand();
        new CommandLine(command).parseArgs(args);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit =
                command.run(
                        catalog,
                        ChecksumCommand.namespaces(
                                new org.apache.flink.configuration.Configuration()),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Output(
                exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The checksum the library computes, as the command must print it. */
    private String hex(String table, String tenant) {
        TableChecksum sum =
                new TableChecksums(catalog)
                        .compute(
                                TableIdentifier.of("silver", table),
                                TableVersion.current(),
                                ChecksumLayer.SILVER.excludedPaths(),
                                null);
        return sum.lines().get(tenant).hex();
    }

    private static String lines(String... lines) {
        return String.join(System.lineSeparator(), lines) + System.lineSeparator();
    }

    private Table table(String namespace, String name) {
        return catalog.createTable(
                TableIdentifier.of(namespace, name),
                ENTITY,
                PartitionSpec.unpartitioned(),
                Map.of("format-version", "2"));
    }

    private void branch(String name) {
        for (Table t : List.of(customer, order)) {
            t.manageSnapshots().createBranch(name, t.currentSnapshot().snapshotId()).commit();
        }
    }

    /** Deletes the branch's rows, then appends {@code files}, one commit each. */
    @SafeVarargs
    private static void rewriteBranch(Table table, String branch, List<Record>... files) {
        table.newDelete().deleteFromRowFilter(Expressions.alwaysTrue()).toBranch(branch).commit();
        for (List<Record> rows : files) {
            append(table, branch, rows.toArray(Record[]::new));
        }
    }

    private static void append(Table table, String branch, Record... rows) {
        String path = table.locationProvider().newDataLocation(UUID.randomUUID() + ".parquet");
        DataWriter<Record> writer =
                new GenericAppenderFactory(table.schema(), table.spec())
                        .newDataWriter(
                                EncryptedFiles.plainAsEncryptedOutput(
                                        table.io().newOutputFile(path)),
                                FileFormat.PARQUET,
                                null);
        try (writer) {
            for (Record row : rows) {
                writer.write(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DataFile file = writer.toDataFile();
        AppendFiles append = table.newAppend().appendFile(file).toBranch(branch);
        append.commit();
        table.refresh();
    }

    private static Record row(String key, String name, String tenant, OffsetDateTime processedAt) {
        Record meta = GenericRecord.create(ENTITY.findType("meta").asStructType());
        meta.setField("tenant_id", tenant);
        meta.setField("processed_at", processedAt);
        Record row = GenericRecord.create(ENTITY);
        row.setField("key", key);
        row.setField("name", name);
        row.setField("meta", meta);
        return row;
    }
}
