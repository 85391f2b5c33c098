package io.strata.bronze.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.strata.bronze.cdc.CdcTopicReader.Change;
import io.strata.testing.FlinkMiniCluster;
import io.strata.testing.TestServices;
import io.strata.workload.Workload;
import io.strata.workload.WorkloadOptions;
import io.strata.workload.WorkloadParams;
import io.strata.workload.oltp.OltpChange;
import io.strata.workload.oltp.OltpTable;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.iceberg.data.Record;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * cdc-capture on a MiniCluster against the real Postgres (pgoutput) and Kafka: the snapshot, then
 * inserts, updates, deletes and an ADD COLUMN, each exactly once on its {@code cdc.*} topic with
 * the right op, row images, key and LSN, and a tombstone after each delete; then the same records
 * through bronze-ingest's graph into Bronze.
 */
class CdcCaptureITCase {

    @RegisterExtension static final MiniClusterExtension FLINK = FlinkMiniCluster.extension();

    // Generous: on a loaded 2-core machine the CDC source takes most of a minute to start.
    private static final Duration TIMEOUT = Duration.ofSeconds(150);
    private static final Duration SETTLE = Duration.ofSeconds(3);

    /** Three tenants, four customers and three products (each with a price) per tenant. */
    private static final List<OltpChange> SEED =
            Workload.of(
                            WorkloadParams.builder()
                                    .seed(11)
                                    .set(WorkloadOptions.OLTP_CUSTOMERS, 4)
                                    .set(WorkloadOptions.OLTP_PRODUCTS, 3)
                                    .build())
                    .oltp()
                    .seed();

    private CaptureRun run;
    private List<Change> captured;

    @TempDir Path warehouse;

    @BeforeEach
    void startCapture() throws Exception {
        run = new CaptureRun(SEED);
        run.start();
    }

    @AfterEach
    void dropSlotAndPublication() throws Exception {
        run.close();
    }

    @Test
    void snapshotThenChangesLandOnceWithOpImagesKeysLsnsAndTombstones() throws Exception {
        Map<String, Integer> expected = run.recordsFor(SEED.iterator());
        try (CdcTopicReader reader = new CdcTopicReader(run.bootstrapServers(), run.topics())) {
            List<Change> snapshot = reader.awaitCounts(expected, TIMEOUT, SETTLE);
            assertThat(reader.counts())
                    .as(() -> "snapshot; " + run.db.diagnostics())
                    .isEqualTo(asLongs(expected));
            assertSnapshotMatchesSeed(snapshot);

            List<long[]> windows = applyChanges();
            expected.merge(topic("customers"), 6, Integer::sum);
            expected.merge(topic("tenants"), 1, Integer::sum);
            List<Change> all = reader.awaitCounts(expected, TIMEOUT, SETTLE);
            assertThat(reader.counts())
                    .as(() -> "exactly what was done; " + run.db.diagnostics())
                    .isEqualTo(asLongs(expected));
            assertChanges(all.subList(snapshot.size(), all.size()), windows);
            captured = all;
        }
        assertThat(run.db.slots(run.name))
                .as("only the stream's slot remains")
                .containsExactly(run.name);
        assertCompacted(topic("customers"));

        run.cancel();
        assertBronzeHolds(captured);
    }

    @Test
    void aRestartFromASavepointResumesAtTheSlotWithoutLossOrRepeat(@TempDir Path savepoints)
            throws Exception {
        Map<String, Integer> expected = run.recordsFor(SEED.iterator());
        try (CdcTopicReader reader = new CdcTopicReader(run.bootstrapServers(), run.topics())) {
            reader.awaitCounts(expected, TIMEOUT, Duration.ZERO);
            run.db.execute("UPDATE platform.customers SET segment = 'vip' WHERE customer_id = 3");
            expected.merge(topic("customers"), 3, Integer::sum);
            reader.awaitCounts(expected, TIMEOUT, Duration.ZERO);

            String savepoint = run.stopWithSavepoint(savepoints);
            // Nothing reads the slot now, but it keeps the position and the WAL after it.
            assertThat(run.db.awaitInactive(run.name, Duration.ofSeconds(10))).isTrue();
            run.db.execute("UPDATE platform.customers SET segment = 'gold' WHERE customer_id = 3");
            run.db.execute("DELETE FROM platform.customers WHERE customer_id = 4");
            expected.merge(topic("customers"), 3 + 3 * 2, Integer::sum);
            run.restartFrom(savepoint);

            List<Change> all = reader.awaitCounts(expected, TIMEOUT, SETTLE);
            assertThat(reader.counts())
                    .as(() -> "no change lost or repeated; " + run.db.diagnostics())
                    .isEqualTo(asLongs(expected));
            List<Change> changes =
                    all.stream()
                            .filter(c -> c.topic().equals(topic("customers")))
                            .filter(c -> c.isTombstone() || !c.op().equals("r"))
                            .toList();
            assertThat(changes)
                    .extracting(c -> c.isTombstone() ? "tombstone" : c.op())
                    .containsExactly(
                            "u",
                            "u",
                            "u",
                            "u",
                            "u",
                            "u",
                            "d",
                            "tombstone",
                            "d",
                            "tombstone",
                            "d",
                            "tombstone");
            List<Long> lsns =
                    changes.stream().filter(c -> !c.isTombstone()).map(Change::lsn).toList();
            assertThat(lsns).isSorted().doesNotHaveDuplicates();
        }
    }

    /**
     * bronze-ingest's own graph over the run's CDC topics: every change (not the tombstone) is one
     * Bronze row with the right op, LSN, tenant (for {@code tenants} its own id) and event id
     * {@code schema.table:position:key values}, its payload the record verbatim.
     */
    private void assertBronzeHolds(List<Change> captured) throws Exception {
        Configuration bronze = BronzeOverCdc.config(run.bootstrapServers(), warehouse);
        BronzeOverCdc.run(bronze, Pattern.quote("cdc." + run.name + ".") + ".+", run.name);

        List<Record> rows = BronzeOverCdc.events(bronze);
        List<Change> changes = captured.stream().filter(c -> !c.isTombstone()).toList();
        assertThat(BronzeOverCdc.quarantine(bronze)).isEmpty();
        assertThat(rows).hasSize(changes.size());
        Map<String, Record> byPosition =
                rows.stream().collect(Collectors.toMap(BronzeOverCdc::position, r -> r));
        for (Change change : changes) {
            Record row = byPosition.get(change.topic() + "@" + change.offset());
            assertThat(row).as("Bronze row of %s", change).isNotNull();
            Record source = (Record) row.getField("source");
            String table = change.value().path("source").path("table").asText();
            List<String> key = new ArrayList<>();
            change.key().elements().forEachRemaining(v -> key.add(v.asText()));
            assertThat(row.getField("op")).isEqualTo(BronzeOverCdc.operation(change.op()));
            assertThat(row.getField("tenant_id")).isEqualTo(key.get(0));
            assertThat(row.getField("record_type")).isEqualTo(table);
            assertThat(row.getField("payload")).isEqualTo(change.raw());
            assertThat(source.getField("cdc_table")).isEqualTo("platform." + table);
            assertThat(source.getField("cdc_lsn")).isEqualTo(change.lsn());
            assertThat((String) row.getField("event_id"))
                    .startsWith(
                            "platform." + table + ":" + (change.lsn() == null ? "r" : change.lsn()))
                    .endsWith(":" + String.join(":", key));
        }
    }

    private void assertSnapshotMatchesSeed(List<Change> snapshot) {
        assertThat(snapshot).extracting(Change::op).containsOnly("r");
        assertThat(snapshot).extracting(Change::lsn).containsOnly((Long) null);
        assertThat(snapshot)
                .allSatisfy(
                        c -> {
                            assertThat(c.value().path("source").path("snapshot").asText())
                                    .isEqualTo("true");
                            assertThat(c.value().path("source").path("ts_ms").asLong())
                                    .isPositive();
                        });
        Map<String, Change> byKey =
                snapshot.stream().collect(Collectors.toMap(c -> c.topic() + c.key(), c -> c));
        for (OltpChange row : SEED) {
            Change change = byKey.get(topic(row.table().tableName()) + keyOf(row));
            assertThat(change).as("snapshot of %s", row).isNotNull();
            assertThat(change.before().isNull()).isTrue();
            assertRowImage(change.after(), row);
            assertThat(change.value().path("source").path("table").asText())
                    .isEqualTo(row.table().tableName());
            assertThat(change.value().path("source").path("schema").asText())
                    .isEqualTo(OltpTable.SCHEMA);
        }
    }

    /** Applies the changes; returns the WAL window [before, after] of each statement. */
    private List<long[]> applyChanges() throws Exception {
        List<String> statements =
                List.of(
                        "INSERT INTO platform.customers VALUES ('acme', 100, 'ext-100', 'Zoë"
                                + " Ångström', 'zoe@example.com', NULL, 'gold', 'Malmö', 'SE',"
                                + " 1234.50, true, '{\"score\": 7}', '2026-01-05T10:00:00Z',"
                                + " '2026-01-05T10:00:00Z')",
                        "UPDATE platform.customers SET city = 'Reykjavík' WHERE tenant_id = 'acme'"
                                + " AND customer_id = 1",
                        "DELETE FROM platform.customers WHERE tenant_id = 'globex'"
                                + " AND customer_id = 2",
                        "ALTER TABLE platform.customers ADD COLUMN loyalty_tier text",
                        "UPDATE platform.customers SET loyalty_tier = 'gold' WHERE tenant_id ="
                                + " 'acme' AND customer_id = 2",
                        "INSERT INTO platform.customers VALUES ('globex', 101, 'ext-101', 'Ann"
                                + " Lee', NULL, NULL, NULL, 'Oslo', 'NO', 0.00, false, '{}',"
                                + " '2026-01-05T11:00:00Z', '2026-01-05T11:00:00Z', 'silver')",
                        "UPDATE platform.tenants SET plan = 'enterprise' WHERE tenant_id = 'acme'");
        List<long[]> windows = new ArrayList<>();
        for (String sql : statements) {
            long before = run.db.currentLsn();
            run.db.execute(sql);
            windows.add(new long[] {before, run.db.currentLsn()});
        }
        windows.remove(3); // the ALTER TABLE itself emits nothing
        return windows;
    }

    private void assertChanges(List<Change> changes, List<long[]> windows) {
        List<Change> customers =
                changes.stream().filter(c -> c.topic().equals(topic("customers"))).toList();
        assertThat(customers)
                .extracting(c -> c.isTombstone() ? "tombstone" : c.op())
                .containsExactly("c", "u", "d", "tombstone", "u", "c");
        Change insert = customers.get(0);
        assertThat(insert.key()).isEqualTo(key("acme", 100));
        assertThat(insert.before().isNull()).isTrue();
        assertThat(insert.after().path("full_name").asText()).isEqualTo("Zoë Ångström");
        assertThat(insert.after().path("credit_limit").decimalValue())
                .isEqualByComparingTo(new BigDecimal("1234.50"));
        assertThat(insert.after().has("loyalty_tier")).isFalse();

        Change update = customers.get(1);
        assertThat(update.key()).isEqualTo(key("acme", 1));
        assertThat(update.before().path("city").asText()).isNotEqualTo("Reykjavík");
        assertThat(update.after().path("city").asText()).isEqualTo("Reykjavík");
        assertThat(update.before().path("full_name")).isEqualTo(update.after().path("full_name"));

        Change delete = customers.get(2);
        Change tombstone = customers.get(3);
        assertThat(delete.key()).isEqualTo(key("globex", 2));
        assertThat(delete.before().path("customer_id").asLong()).isEqualTo(2);
        assertThat(delete.after().isNull()).isTrue();
        assertThat(tombstone.key()).isEqualTo(delete.key());
        assertThat(tombstone.partition()).isEqualTo(delete.partition());
        assertThat(tombstone.offset()).isEqualTo(delete.offset() + 1);

        Change newColumn = customers.get(4);
        assertThat(newColumn.after().path("loyalty_tier").asText()).isEqualTo("gold");
        assertThat(newColumn.before().path("loyalty_tier").isNull()).isTrue();
        assertThat(customers.get(5).after().path("loyalty_tier").asText()).isEqualTo("silver");

        Change tenant =
                changes.stream().filter(c -> c.topic().equals(topic("tenants"))).findFirst().get();
        assertThat(tenant.key()).isEqualTo(CdcTopicReader.json("{\"tenant_id\":\"acme\"}"));
        assertThat(tenant.after().path("plan").asText()).isEqualTo("enterprise");

        List<Change> rowChanges = new ArrayList<>(customers);
        rowChanges.remove(3);
        rowChanges.add(tenant);
        for (int i = 0; i < rowChanges.size(); i++) {
            Change c = rowChanges.get(i);
            assertThat(c.lsn())
                    .as("LSN of %s %s within its statement's WAL", c.op(), c.key())
                    .isBetween(windows.get(i)[0], windows.get(i)[1]);
            assertThat(c.value().path("source").path("ts_ms").asLong()).isPositive();
            assertThat(c.value().path("ts_ms").asLong()).isPositive();
        }
    }

    private void assertRowImage(JsonNode image, OltpChange row) {
        List<OltpTable.Column> columns = row.table().columns();
        assertThat(image.size()).isEqualTo(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            OltpTable.Column column = columns.get(i);
            JsonNode value = image.path(column.name());
            Object expected = row.values()[i];
            if (expected == null) {
                assertThat(value.isNull()).as(column.name()).isTrue();
                continue;
            }
            switch (column.type()) {
                case NUMERIC ->
                        assertThat(value.decimalValue())
                                .isEqualByComparingTo((BigDecimal) expected);
                case TIMESTAMPTZ -> assertThat(Instant.parse(value.asText())).isEqualTo(expected);
                case JSONB ->
                        assertThat(CdcTopicReader.json(value.asText()))
                                .isEqualTo(CdcTopicReader.json(expected.toString()));
                default ->
                        assertThat(value.asText()).as(column.name()).isEqualTo(expected.toString());
            }
        }
    }

    private void assertCompacted(String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        ConfigEntry policy =
                TestServices.kafka()
                        .admin()
                        .describeConfigs(List.of(resource))
                        .all()
                        .get()
                        .get(resource)
                        .get("cleanup.policy");
        assertThat(policy.value()).isEqualTo("compact");
    }

    private String topic(String table) {
        return run.topic(table);
    }

    private static Map<String, Long> asLongs(Map<String, Integer> counts) {
        return CdcTopicReader.asLongs(counts);
    }

    private static JsonNode keyOf(OltpChange row) {
        List<OltpTable.Column> columns = row.table().columns();
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < row.table().keyColumns(); i++) {
            Object v = row.values()[i];
            json.append(i == 0 ? "" : ",")
                    .append('"')
                    .append(columns.get(i).name())
                    .append("\":")
                    .append(v instanceof String ? "\"" + v + "\"" : v);
        }
        return CdcTopicReader.json(json.append('}').toString());
    }

    private static JsonNode key(String tenant, long customer) {
        return CdcTopicReader.json(
                "{\"tenant_id\":\"" + tenant + "\",\"customer_id\":" + customer + "}");
    }
}
