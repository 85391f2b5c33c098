package io.strata.common.checksum;

import static io.strata.common.checksum.IcebergTestTables.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.strata.common.checksum.ChecksumComparison.Line;
import io.strata.common.checksum.ChecksumComparison.Result;
import io.strata.common.iceberg.AvroIcebergSchemas;
import io.strata.common.vault.HashKeys;
import io.strata.model.gold.HubCustomer;
import io.strata.model.gold.SatCustomerDetails;
import io.strata.model.silver.Customer;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.hadoop.HadoopCatalog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checksums over real Iceberg tables with the jobs' own schemas: a live Silver table and its replay
 * hold the same rows, written in other orders, files and commits, with upserts the reader must
 * apply as equality deletes, and with other processing times and manifest ids.
 */
class TableChecksumsTest {

    private static final OffsetDateTime EVENTS = OffsetDateTime.parse("2024-01-01T17:09:12Z");
    private static final OffsetDateTime LIVE_RUN = OffsetDateTime.parse("2026-11-21T09:00:00Z");
    private static final OffsetDateTime REPLAY_RUN = OffsetDateTime.parse("2026-11-22T14:30:00Z");
    private static final TableIdentifier LIVE = TableIdentifier.of("silver", "customer");
    private static final TableIdentifier REPLAY = TableIdentifier.of("silver_replay", "customer");
    private static final Set<String> SILVER = ChecksumLayer.SILVER.excludedPaths();

    @TempDir Path warehouse;

    private HadoopCatalog catalog;
    private TableChecksums checksums;
    private Table live;
    private Table replay;

    @BeforeEach
    void createTables() {
        catalog = new HadoopCatalog(new Configuration(), warehouse.toUri().toString());
        checksums = new TableChecksums(catalog);
        live = silverCustomerTable(LIVE);
        replay = silverCustomerTable(REPLAY);
    }

    @Test
    void aReplayInOtherOrderFilesAndCommitsHasTheLiveChecksumPerTenant() {
        writeLive();
        // The replay: other order, one row per file, other processing times and manifest ids, and
        // C-1 first written with another name then upserted back (an equality delete to apply).
        IcebergTestTables r = IcebergTestTables.on(replay);
        r.append(List.of(customer("globex", "G-1", "Gus", REPLAY_RUN, "SILVER:7")));
        r.append(
                List.of(customer("acme", "C-3", "Cy", REPLAY_RUN, "SILVER:7")),
                List.of(customer("acme", "C-1", "Annie", REPLAY_RUN, "SILVER:7")));
        r.append(List.of(customer("acme", "C-2", "Bobby", REPLAY_RUN, "SILVER:8")));
        r.upsert(List.of(customer("acme", "C-1", "Ann", REPLAY_RUN, "SILVER:9")));

        TableChecksum a = read(LIVE, TableVersion.current());
        TableChecksum b = read(REPLAY, TableVersion.current());

        Checksum acme =
                expected(
                        customer("acme", "C-1", "Ann", LIVE_RUN, null),
                        customer("acme", "C-2", "Bobby", LIVE_RUN, null),
                        customer("acme", "C-3", "Cy", LIVE_RUN, null));
        Checksum globex = expected(customer("globex", "G-1", "Gus", LIVE_RUN, null));
        assertThat(a.tenants()).isEqualTo(Map.of("acme", acme, "globex", globex));
        assertThat(a.total()).isEqualTo(acme.plus(globex));
        assertThat(acme.rows()).isEqualTo(3);
        assertThat(b.tenants()).isEqualTo(a.tenants());
        assertThat(a.excluded()).containsExactly("meta.manifest_id", "meta.processed_at");
        ChecksumComparison comparison = ChecksumComparison.of(List.of(a), List.of(b));
        assertThat(comparison.allMatch()).isTrue();
        assertThat(comparison.lines())
                .extracting(Line::tenant, Line::result)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("acme", Result.MATCH),
                        org.assertj.core.groups.Tuple.tuple("globex", Result.MATCH),
                        org.assertj.core.groups.Tuple.tuple(TableChecksum.ALL, Result.MATCH));
        assertThat(checksums.compute(LIVE, TableVersion.current(), Set.of(), null).total())
                .as("without the exclusions, the processing times differ")
                .isNotEqualTo(
                        checksums.compute(REPLAY, TableVersion.current(), Set.of(), null).total());
    }

    @Test
    void positionDeletesDoNotMakeTheChecksumDependOnWhereRowsAreStored() {
        writeLive();
        // The same rows, with C-1 written twice in one file and its first copy deleted by
        // position: the reader then adds _pos to every row, which is no content.
        IcebergTestTables r = IcebergTestTables.on(replay);
        r.appendWithPositionDeletes(
                List.of(
                        customer("acme", "C-1", "Annie", REPLAY_RUN, "SILVER:7"),
                        customer("acme", "C-1", "Ann", REPLAY_RUN, "SILVER:7"),
                        customer("acme", "C-2", "Bobby", REPLAY_RUN, "SILVER:7"),
                        customer("acme", "C-3", "Cy", REPLAY_RUN, "SILVER:7")),
                1);
        r.append(List.of(customer("globex", "G-1", "Gus", REPLAY_RUN, "SILVER:8")));

        assertThat(read(REPLAY, TableVersion.current()).tenants())
                .isEqualTo(read(LIVE, TableVersion.current()).tenants());
    }

    @Test
    void aBranchWithOneChangedRowDiffersForItsTenantOnly() {
        writeLive();
        live.manageSnapshots().createBranch("replay", live.currentSnapshot().snapshotId()).commit();
        IcebergTestTables.on(live)
                .onBranch("replay")
                .upsert(List.of(customer("acme", "C-3", "Cyrus", REPLAY_RUN, "SILVER:9")));

        ChecksumComparison comparison =
                ChecksumComparison.of(
                        List.of(read(LIVE, TableVersion.current())),
                        List.of(read(LIVE, TableVersion.branch("replay"))));

        assertThat(comparison.lines())
                .extracting(Line::tenant, Line::result)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("acme", Result.DIFFER),
                        org.assertj.core.groups.Tuple.tuple("globex", Result.MATCH),
                        org.assertj.core.groups.Tuple.tuple(TableChecksum.ALL, Result.DIFFER));
        assertThat(comparison.lines().get(0).right())
                .isEqualTo(
                        expected(
                                customer("acme", "C-1", "Ann", LIVE_RUN, null),
                                customer("acme", "C-2", "Bobby", LIVE_RUN, null),
                                customer("acme", "C-3", "Cyrus", LIVE_RUN, null)));
        assertThat(comparison.allMatch()).isFalse();
        assertThat(comparison.differing()).isEqualTo(2);
    }

    @Test
    void anOlderSnapshotHasTheChecksumOfItsRowsBeforeTheUpsert() {
        writeLive();
        long beforeUpsert = live.currentSnapshot().parentId();

        TableChecksum before = read(LIVE, TableVersion.snapshot(beforeUpsert));

        assertThat(before.tenants().get("acme"))
                .isEqualTo(
                        expected(
                                customer("acme", "C-1", "Ann", LIVE_RUN, null),
                                customer("acme", "C-2", "Bob", LIVE_RUN, null),
                                customer("acme", "C-3", "Cy", LIVE_RUN, null)));
    }

    @Test
    void oneTenantIsReadAlone() {
        writeLive();

        TableChecksum globex = checksums.compute(LIVE, TableVersion.current(), SILVER, "globex");

        assertThat(globex.lines())
                .isEqualTo(
                        Map.of(
                                "globex",
                                expected(customer("globex", "G-1", "Gus", LIVE_RUN, null))));
        assertThat(checksums.compute(LIVE, TableVersion.current(), SILVER, "initech").lines())
                .isEqualTo(Map.of("initech", Checksum.EMPTY));
    }

    @Test
    void aMissingBranchOrTableIsReportedAndDiffers() {
        writeLive();

        TableChecksum noBranch = read(LIVE, TableVersion.branch("nope"));
        TableChecksum noTable = read(TableIdentifier.of("silver", "nope"), TableVersion.current());

        assertThat(noBranch.status()).isEqualTo(TableChecksum.Status.MISSING);
        assertThat(noBranch.detail()).contains("no branch or tag 'nope'");
        assertThat(noTable.status()).isEqualTo(TableChecksum.Status.MISSING);
        ChecksumComparison comparison =
                ChecksumComparison.of(
                        List.of(read(LIVE, TableVersion.current())), List.of(noBranch));
        assertThat(comparison.lines()).extracting(Line::result).containsExactly(Result.DIFFER);
    }

    @Test
    void anEmptyTableHasNoRows() {
        TableChecksum empty = read(LIVE, TableVersion.current());

        assertThat(empty.status()).isEqualTo(TableChecksum.Status.READ);
        assertThat(empty.lines()).isEqualTo(Map.of(TableChecksum.ALL, Checksum.EMPTY));
    }

    @Test
    void satelliteRowsTakeTheirTenantFromTheirHub() {
        Table hub = goldTable("hub_customer", HubCustomer.getClassSchema(), "customer_hk");
        Table sat =
                goldTable(
                        "sat_customer_details",
                        SatCustomerDetails.getClassSchema(),
                        "customer_hk",
                        "load_time");
        String acme = HashKeys.hashKey("acme", "C-1");
        String globex = HashKeys.hashKey("globex", "G-1");
        IcebergTestTables.on(hub)
                .append(List.of(hub(hub, acme, "acme", "C-1"), hub(hub, globex, "globex", "G-1")));
        Record acmeV1 = sat(sat, acme, "Ann", EVENTS);
        Record acmeV2 = sat(sat, acme, "Anna", EVENTS.plusDays(1));
        Record globexV1 = sat(sat, globex, "Gus", EVENTS);
        Record orphan = sat(sat, HashKeys.hashKey("acme", "C-9"), "Nobody", EVENTS);
        IcebergTestTables.on(sat).append(List.of(acmeV1, globexV1), List.of(acmeV2, orphan));
        TableIdentifier satId = TableIdentifier.of("gold", "sat_customer_details");

        TableChecksum all = checksums.compute(satId, TableVersion.current(), Set.of(), null);
        TableChecksum onlyAcme = checksums.compute(satId, TableVersion.current(), Set.of(), "acme");

        Checksum acmeRows = expected(Set.of(), acmeV1, acmeV2);
        assertThat(all.byTenant()).isTrue();
        assertThat(all.tenants())
                .isEqualTo(
                        Map.of(
                                "acme",
                                acmeRows,
                                "globex",
                                expected(Set.of(), globexV1),
                                TableChecksum.NO_HUB_ROW,
                                expected(Set.of(), orphan)));
        assertThat(onlyAcme.lines()).isEqualTo(Map.of("acme", acmeRows));
    }

    @Test
    void aTableWhoseRowsNameNoTenantIsSkippedWhenOneTenantIsAskedFor() {
        TableIdentifier id = TableIdentifier.of("gold", "sat_customer_details");
        goldTable(
                "sat_customer_details",
                SatCustomerDetails.getClassSchema(),
                "customer_hk",
                "load_time");

        TableChecksum all = checksums.compute(id, TableVersion.current(), Set.of(), null);
        TableChecksum acme = checksums.compute(id, TableVersion.current(), Set.of(), "acme");

        assertThat(all.byTenant()).isFalse();
        assertThat(all.lines()).isEqualTo(Map.of(TableChecksum.ALL, Checksum.EMPTY));
        assertThat(acme.status()).isEqualTo(TableChecksum.Status.NOT_BY_TENANT);
        assertThat(ChecksumComparison.of(List.of(acme), List.of(acme)).lines())
                .extracting(Line::result)
                .containsExactly(Result.SKIPPED);
    }

    /** The live run: three commits, two files in one, and C-2 renamed by an upsert. */
    private void writeLive() {
        IcebergTestTables l = IcebergTestTables.on(live);
        l.append(
                List.of(
                        customer("acme", "C-1", "Ann", LIVE_RUN, "SILVER:1"),
                        customer("acme", "C-2", "Bob", LIVE_RUN, "SILVER:1")));
        l.append(
                List.of(customer("globex", "G-1", "Gus", LIVE_RUN, "SILVER:2")),
                List.of(customer("acme", "C-3", "Cy", LIVE_RUN.plusSeconds(10), "SILVER:2")));
        l.upsert(List.of(customer("acme", "C-2", "Bobby", LIVE_RUN.plusSeconds(20), "SILVER:3")));
        live.refresh();
        assertThat(live.currentSnapshot().summary())
                .containsEntry("added-equality-delete-files", "1");
    }

    private TableChecksum read(TableIdentifier id, TableVersion version) {
        return checksums.compute(id, version, SILVER, null);
    }

    /** The checksum of {@code rows} as Silver's checksums count them. */
    private static Checksum expected(Record... rows) {
        return expected(SILVER, rows);
    }

    private static Checksum expected(Set<String> excluded, Record... rows) {
        RowChecksums prefixes = new RowChecksums(excluded);
        Checksum sum = Checksum.EMPTY;
        for (Record row : rows) {
            sum = sum.plus(prefixes.prefix(row));
        }
        return sum;
    }

    /** The table as silver-conform creates it: identifier (tenant, key), partitioned by tenant. */
    private Table silverCustomerTable(TableIdentifier id) {
        Schema derived = AvroIcebergSchemas.toIceberg(Customer.getClassSchema());
        Schema schema = withIdentifier(derived, "meta.tenant_id", "customer_key");
        catalog.createNamespace(id.namespace());
        return catalog.createTable(
                id,
                schema,
                PartitionSpec.builderFor(schema).identity("meta.tenant_id", "tenant_id").build(),
                Map.of("format-version", "2"));
    }

    /** A vault table as gold-features creates it: identifier fields, unpartitioned. */
    private Table goldTable(String name, org.apache.avro.Schema avro, String... identifier) {
        if (!catalog.namespaceExists(Namespace.of("gold"))) {
            catalog.createNamespace(Namespace.of("gold"));
        }
        return catalog.createTable(
                TableIdentifier.of("gold", name),
                withIdentifier(AvroIcebergSchemas.toIceberg(avro), identifier),
                PartitionSpec.unpartitioned(),
                Map.of("format-version", "2"));
    }

    private static Schema withIdentifier(Schema schema, String... columns) {
        Set<Integer> ids =
                java.util.Arrays.stream(columns)
                        .map(c -> schema.findField(c).fieldId())
                        .collect(Collectors.toSet());
        return new Schema(schema.columns(), ids);
    }

    private Record customer(
            String tenant, String key, String name, OffsetDateTime processedAt, String manifestId) {
        Schema schema = live.schema();
        Record meta =
                row(
                        schema.findType("meta").asStructType(),
                        "tenant_id",
                        tenant,
                        "app",
                        "erp",
                        "schema_version",
                        "2.1",
                        "config_version",
                        "v1",
                        "event_time",
                        EVENTS,
                        "source_event_id",
                        "e-" + key,
                        "source_position",
                        "raw.webhooks/0/" + key.hashCode(),
                        "hash_diff",
                        "h-" + name,
                        "deleted",
                        false,
                        "processed_at",
                        processedAt,
                        "manifest_id",
                        manifestId);
        return row(
                schema.asStruct(),
                "meta",
                meta,
                "customer_key",
                key,
                "name",
                name,
                "email",
                key.toLowerCase() + "@example.com");
    }

    private static Record hub(Table hub, String hashKey, String tenant, String key) {
        return row(
                hub.schema().asStruct(),
                "customer_hk",
                hashKey,
                "tenant_id",
                tenant,
                "customer_key",
                key,
                "load_time",
                EVENTS,
                "record_source",
                "silver.customer");
    }

    private static Record sat(Table sat, String hashKey, String name, OffsetDateTime loadTime) {
        return row(
                sat.schema().asStruct(),
                "customer_hk",
                hashKey,
                "load_time",
                loadTime,
                "hash_diff",
                HashKeys.hashKey(name),
                "record_source",
                "silver.customer",
                "name",
                name,
                "deleted",
                false);
    }
}
