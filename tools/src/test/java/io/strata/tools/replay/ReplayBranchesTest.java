package io.strata.tools.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.common.checksum.TableHub;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.PartitionKey;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.SnapshotRef;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.GenericAppenderFactory;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.hadoop.HadoopCatalog;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.DataWriter;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replay branches on real Iceberg tables (a Hadoop catalog in a temporary directory). */
class ReplayBranchesTest {

    private static final String BRANCH = "replay_test";

    /** Silver's shape: the tenant inside a meta struct, identity-partitioned by it. */
    private static final Schema NESTED =
            new Schema(
                    Types.NestedField.required(
                            1,
                            "meta",
                            Types.StructType.of(
                                    Types.NestedField.required(
                                            3, "tenant_id", Types.StringType.get()))),
                    Types.NestedField.required(2, "key", Types.StringType.get()));

    /** The vault's shape: the tenant at the top, unpartitioned. */
    private static final Schema FLAT =
            new Schema(
                    Types.NestedField.required(1, "tenant_id", Types.StringType.get()),
                    Types.NestedField.required(2, "key", Types.StringType.get()));

    @TempDir Path warehouse;
    private HadoopCatalog catalog;

    @BeforeEach
    void catalog() {
        catalog = new HadoopCatalog(new Configuration(), warehouse.toUri().toString());
    }

    @Test
    void aFullReplayBranchStartsEmptyAndBecomesMainOnlyWhenPublished() {
        Table t = partitioned("silver.order");
        append(t, "main", "acme:o1", "acme:o2", "globex:o3");

        ReplayBranches.prepare(t, BRANCH, "meta.tenant_id", null);
        assertThat(rows(t, BRANCH)).isEmpty();
        append(t, BRANCH, "acme:o1", "globex:o3");
        assertThat(rows(t, "main"))
                .as("readers of main see the live rows until the replay is published")
                .containsExactlyInAnyOrder("acme:o1", "acme:o2", "globex:o3");

        ReplayBranches.publish(t, BRANCH);
        assertThat(rows(t, "main")).containsExactlyInAnyOrder("acme:o1", "globex:o3");
        assertThat(t.refs()).containsOnlyKeys(SnapshotRef.MAIN_BRANCH);
    }

    @Test
    void aTenantReplayOfAPartitionedTableKeepsTheOtherTenantsRows() {
        Table t = partitioned("silver.customer");
        append(t, "main", "acme:c1", "globex:c2", "globex:c3");

        ReplayBranches.prepare(t, BRANCH, "meta.tenant_id", "acme");
        assertThat(rows(t, BRANCH)).containsExactlyInAnyOrder("globex:c2", "globex:c3");
        append(t, BRANCH, "acme:c9");
        ReplayBranches.publish(t, BRANCH);

        assertThat(rows(t, "main")).containsExactlyInAnyOrder("acme:c9", "globex:c2", "globex:c3");
    }

    @Test
    void aTenantReplayOfSilversTruncatePartitioningDropsTheTenantsFilesOnly() {
        Table t =
                catalog.createTable(
                        TableIdentifier.parse("silver.product"),
                        NESTED,
                        PartitionSpec.builderFor(NESTED)
                                .truncate("meta.tenant_id", 256, "tenant_id")
                                .build(),
                        Map.of(TableProperties.FORMAT_VERSION, "2"));
        append(t, "main", "acme:p1", "globex:p2", "acme:p3");
        Set<String> globexFiles = files(t, "main", "globex");

        ReplayBranches.prepare(t, BRANCH, "meta.tenant_id", "acme");

        assertThat(rows(t, BRANCH)).containsExactly("globex:p2");
        assertThat(files(t, BRANCH, "globex"))
                .as("the other tenant's data files are the very same")
                .isEqualTo(globexFiles);
        assertThat(t.snapshot(BRANCH).addedDeleteFiles(t.io()))
                .as("whole partitions go as files, without delete files")
                .isEmpty();
    }

    @Test
    void aTenantReplayOfATableThatMovedFromIdentityToTruncateDropsFilesOfBothLayouts() {
        Table t = partitioned("silver.customer");
        append(t, "main", "acme:c1", "globex:c2");
        t.updateSpec()
                .removeField("tenant_id")
                .addField("tenant_id", Expressions.truncate("meta.tenant_id", 256))
                .commit();
        append(t, "main", "acme:c3", "globex:c4");

        ReplayBranches.prepare(t, BRANCH, "meta.tenant_id", "acme");

        assertThat(rows(t, BRANCH)).containsExactlyInAnyOrder("globex:c2", "globex:c4");
        assertThat(t.snapshot(BRANCH).addedDeleteFiles(t.io())).isEmpty();
    }

    @Test
    void onlyATransformThatKeepsTheTenantWholeIsolatesIt() {
        assertThat(
                        ReplayBranches.partitionsByTenant(
                                PartitionSpec.builderFor(NESTED)
                                        .truncate("meta.tenant_id", 4, "t")
                                        .build(),
                                NESTED,
                                "meta.tenant_id",
                                "acme"))
                .isTrue();
        assertThat(
                        ReplayBranches.partitionsByTenant(
                                PartitionSpec.builderFor(NESTED)
                                        .truncate("meta.tenant_id", 3, "t")
                                        .build(),
                                NESTED,
                                "meta.tenant_id",
                                "acme"))
                .as("truncate[3] puts acme and acmex in one partition")
                .isFalse();
        assertThat(
                        ReplayBranches.partitionsByTenant(
                                PartitionSpec.builderFor(NESTED)
                                        .bucket("meta.tenant_id", 16, "t")
                                        .build(),
                                NESTED,
                                "meta.tenant_id",
                                "acme"))
                .isFalse();
    }

    @Test
    void aTenantReplayOfAnUnpartitionedTableDeletesTheTenantsRowsByEquality() {
        Table t =
                catalog.createTable(
                        TableIdentifier.parse("gold.hub_customer"),
                        FLAT,
                        PartitionSpec.unpartitioned(),
                        Map.of(TableProperties.FORMAT_VERSION, "2"));
        append(t, "main", "acme:c1", "globex:c2", "acme:c3");

        ReplayBranches.prepare(t, BRANCH, "tenant_id", "acme");
        assertThat(rows(t, BRANCH)).containsExactly("globex:c2");
        append(t, BRANCH, "acme:c1");
        assertThat(rows(t, BRANCH))
                .as("rows written after the delete are not deleted by it")
                .containsExactlyInAnyOrder("globex:c2", "acme:c1");
        assertThat(rows(t, "main")).containsExactlyInAnyOrder("acme:c1", "globex:c2", "acme:c3");
    }

    @Test
    void aTenantReplayOfATablePartitionedOtherwiseDeletesTheTenantsRowsInEachPartition() {
        Table t =
                catalog.createTable(
                        TableIdentifier.parse("silver.quarantine"),
                        FLAT,
                        PartitionSpec.builderFor(FLAT).identity("key").build(),
                        Map.of(TableProperties.FORMAT_VERSION, "2"));
        append(t, "main", "acme:day1", "globex:day1", "acme:day2", "globex:day3");

        ReplayBranches.prepare(t, BRANCH, "tenant_id", "acme");

        assertThat(rows(t, BRANCH)).containsExactlyInAnyOrder("globex:day1", "globex:day3");
    }

    @Test
    void aReplayFromAPositionKeepsMainsRowsAndUpsertsOverThem() {
        Table t = partitioned("silver.order");
        append(t, "main", "acme:o1", "globex:o2");

        ReplayBranches.prepare(t, BRANCH, "meta.tenant_id", "acme", false);

        assertThat(rows(t, BRANCH))
                .as("the rows before the start position stay")
                .containsExactlyInAnyOrder("acme:o1", "globex:o2");
    }

    @Test
    void aTenantReplayOfASatelliteDeletesTheRowsOfTheTenantsHubKeys() {
        Schema hubSchema =
                new Schema(
                        List.of(
                                Types.NestedField.required(
                                        1, "customer_hk", Types.StringType.get()),
                                Types.NestedField.required(2, "tenant_id", Types.StringType.get())),
                        Set.of(1));
        Schema satSchema =
                new Schema(
                        List.of(
                                Types.NestedField.required(
                                        1, "customer_hk", Types.StringType.get()),
                                Types.NestedField.required(2, "load_time", Types.StringType.get())),
                        Set.of(1, 2));
        Map<String, String> v2 = Map.of(TableProperties.FORMAT_VERSION, "2");
        Table hub =
                catalog.createTable(
                        TableIdentifier.parse("gold.hub_customer"),
                        hubSchema,
                        PartitionSpec.unpartitioned(),
                        v2);
        Table sat =
                catalog.createTable(
                        TableIdentifier.parse("gold.sat_customer_details"),
                        satSchema,
                        PartitionSpec.unpartitioned(),
                        v2);
        appendPairs(hub, "customer_hk", "tenant_id", "h1:acme", "h2:globex", "h3:acme");
        appendPairs(sat, "customer_hk", "load_time", "h1:t1", "h1:t2", "h2:t1", "h3:t1");

        TableHub found =
                TableHub.of(catalog, TableIdentifier.parse("gold.sat_customer_details"), sat)
                        .orElseThrow();
        assertThat(found.hub().name()).endsWith("hub_customer");
        assertThat(found.keysOf("acme")).containsExactlyInAnyOrder("h1", "h3");

        ReplayBranches.prepareKeys(sat, BRANCH, found.key(), found.keysOf("acme"), true);

        assertThat(pairs(sat, BRANCH, "customer_hk", "load_time")).containsExactly("h2:t1");
        assertThat(pairs(sat, "main", "customer_hk", "load_time")).hasSize(4);
    }

    @Test
    void publishRefusesWhenMainMovedSinceThePreparation() {
        Table t = partitioned("silver.product");
        append(t, "main", "acme:p1");
        ReplayBranches.prepare(t, BRANCH, "meta.tenant_id", null);
        append(t, BRANCH, "acme:p1");
        append(t, "main", "acme:p2");

        assertThatThrownBy(() -> ReplayBranches.publish(t, BRANCH))
                .hasMessageContaining("not an ancestor");
        assertThat(rows(t, "main")).containsExactlyInAnyOrder("acme:p1", "acme:p2");

        ReplayBranches.discard(t, BRANCH);
        assertThat(t.refs()).containsOnlyKeys(SnapshotRef.MAIN_BRANCH);
    }

    @Test
    void anEmptyTableGetsAnEmptyBranchAndASecondPreparationIsRefused() {
        Table t = partitioned("silver.invoice");
        ReplayBranches.prepare(t, BRANCH, "meta.tenant_id", null);
        append(t, BRANCH, "acme:i1");
        assertThatThrownBy(() -> ReplayBranches.prepare(t, BRANCH, "meta.tenant_id", null))
                .hasMessageContaining("already has a branch " + BRANCH);

        ReplayBranches.publish(t, BRANCH);
        assertThat(rows(t, "main")).containsExactly("acme:i1");
    }

    private Table partitioned(String name) {
        return catalog.createTable(
                TableIdentifier.parse(name),
                NESTED,
                PartitionSpec.builderFor(NESTED).identity("meta.tenant_id", "tenant_id").build(),
                Map.of(TableProperties.FORMAT_VERSION, "2"));
    }

    /** Appends rows {@code a:b} of two string columns in one file to {@code main}. */
    private static void appendPairs(Table t, String a, String b, String... rows) {
        GenericAppenderFactory factory = new GenericAppenderFactory(t.schema(), t.spec());
        DataWriter<Record> writer =
                factory.newDataWriter(
                        t.encryption()
                                .encrypt(
                                        t.io().newOutputFile(
                                                        t.locationProvider()
                                                                .newDataLocation(
                                                                        UUID.randomUUID()
                                                                                + ".parquet"))),
                        FileFormat.PARQUET,
                        null);
        try (writer) {
            for (String row : rows) {
                GenericRecord r = GenericRecord.create(t.schema());
                r.setField(a, row.split(":")[0]);
                r.setField(b, row.split(":")[1]);
                writer.write(r);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        t.newAppend().appendFile(writer.toDataFile()).commit();
    }

    private static List<String> pairs(Table t, String branch, String a, String b) {
        t.refresh();
        List<String> rows = new ArrayList<>();
        try (CloseableIterable<Record> it =
                IcebergGenerics.read(t).useSnapshot(t.refs().get(branch).snapshotId()).build()) {
            it.forEach(r -> rows.add(r.getField(a) + ":" + r.getField(b)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** Appends rows {@code tenant:key}, one data file per row, committed to {@code branch}. */
    private static void append(Table t, String branch, String... rows) {
        t.refresh();
        var append = t.newAppend().toBranch(branch);
        GenericAppenderFactory factory = new GenericAppenderFactory(t.schema(), t.spec());
        for (String row : rows) {
            Record r = record(t.schema(), row.split(":")[0], row.split(":")[1]);
            PartitionKey partition = null;
            if (!t.spec().isUnpartitioned()) {
                partition = new PartitionKey(t.spec(), t.schema());
                partition.partition(r);
            }
            DataWriter<Record> writer =
                    factory.newDataWriter(
                            t.encryption()
                                    .encrypt(
                                            t.io().newOutputFile(
                                                            t.locationProvider()
                                                                    .newDataLocation(
                                                                            UUID.randomUUID()
                                                                                    + ".parquet"))),
                            FileFormat.PARQUET,
                            partition);
            try (writer) {
                writer.write(r);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            DataFile file = writer.toDataFile();
            append.appendFile(file);
        }
        append.commit();
    }

    private static Record record(Schema schema, String tenant, String key) {
        GenericRecord r = GenericRecord.create(schema);
        if (schema.findField("meta") != null) {
            GenericRecord meta =
                    GenericRecord.create(schema.findField("meta").type().asStructType());
            meta.setField("tenant_id", tenant);
            r.setField("meta", meta);
        } else {
            r.setField("tenant_id", tenant);
        }
        r.setField("key", key);
        return r;
    }

    /** The data files on {@code branch} whose partition is {@code tenant}. */
    private static Set<String> files(Table t, String branch, String tenant) {
        t.refresh();
        Set<String> files = new HashSet<>();
        try (CloseableIterable<FileScanTask> tasks = t.newScan().useRef(branch).planFiles()) {
            for (FileScanTask task : tasks) {
                if (tenant.equals(String.valueOf(task.file().partition().get(0, Object.class)))) {
                    files.add(task.file().location());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static List<String> rows(Table t, String branch) {
        t.refresh();
        SnapshotRef ref = t.refs().get(branch);
        List<String> rows = new ArrayList<>();
        if (ref == null) {
            return rows;
        }
        try (CloseableIterable<Record> it =
                IcebergGenerics.read(t).useSnapshot(ref.snapshotId()).build()) {
            for (Record r : it) {
                Object meta = r.getField("meta");
                String tenant =
                        meta == null
                                ? (String) r.getField("tenant_id")
                                : (String) ((Record) meta).getField("tenant_id");
                rows.add(tenant + ":" + r.getField("key"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
