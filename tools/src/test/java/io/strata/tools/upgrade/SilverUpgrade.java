package io.strata.tools.upgrade;

import static org.apache.iceberg.expressions.Expressions.and;
import static org.apache.iceberg.expressions.Expressions.equal;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strata.tools.stack.FlinkRest;
import io.strata.tools.stack.LocalStack;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.util.SnapshotUtil;

/**
 * {@code ./strata upgrade silver-conform} to its v2 on a running stack (the sequencer's {@code
 * RowVersion} gains {@code previousHashDiff}, {@code silver.customer} the column {@code
 * previous_hash_diff} filled from it): the hash diffs v1 kept survive. After the upgrade a
 * customer's unchanged content, sent again in a newer record, is not written again, and a change of
 * it names the hash diff v1 wrote as the previous one.
 */
public final class SilverUpgrade {

    private static final String JOB = "silver-conform";
    private static final String COLUMN = "previous_hash_diff";

    /** Later than every event of the workload, so each record below is the newest of its row. */
    private static final Instant COPY_SENT = Instant.parse("2025-01-01T00:00:00Z");

    private static final Instant CHANGE_SENT = COPY_SENT.plus(Duration.ofHours(1));

    private final LocalStack stack;
    private final Catalog catalog;
    private final AcmeWebhooks webhooks;

    /** Call with bronze-ingest and silver-conform RUNNING and Silver holding acme's customers. */
    public SilverUpgrade(LocalStack stack, Catalog catalog) {
        this.stack = stack;
        this.catalog = catalog;
        this.webhooks = new AcmeWebhooks(stack.home());
    }

    public void toV2KeepsTheHashDiffsAndNamesThePreviousOne(Path workDir) {
        Record before = aCustomerV1Wrote();
        String key = before.getField("customer_key").toString();
        String hashDiff = meta(before, "hash_diff");
        Path jar = JobV2Jar.build(stack.home(), JOB, workDir);

        StrataCommand.Result upgrade = StrataCommand.upgrade(stack.home(), JOB, jar, List.of());
        assertThat(upgrade.exitCode()).as(upgrade.output()).isZero();
        assertThat(upgrade.output()).contains("upgrade silver-conform: UPGRADED in");
        assertThat(new FlinkRest(stack.home()).running(JOB).map(FlinkRest.Job::id))
                .contains(upgrade.field("new job"));
        Table customers = table("silver.customer");
        assertThat(customers.schema().findField(COLUMN)).as("v2's column").isNotNull();
        long upgraded = customers.currentSnapshot().snapshotId();

        webhooks.sendInvoice(
                "upgrade-silver-copy", COPY_SENT, "INV-UPGRADE-1", AcmeWebhooks.customer(before));
        Awaits.until(
                () ->
                        !IcebergRows.read(table("silver.invoice"), invoice("INV-UPGRADE-1"))
                                .isEmpty(),
                "the invoice carrying the unchanged customer in silver.invoice");
        ObjectNode moved = AcmeWebhooks.customer(before);
        ((ObjectNode) moved.get("address")).put("city", "Upgrade Falls");
        webhooks.sendInvoice("upgrade-silver-change", CHANGE_SENT, "INV-UPGRADE-2", moved);
        Awaits.until(
                () -> meta(customer(key), "source_event_id").equals("upgrade-silver-change"),
                "the changed customer in silver.customer");

        Record changed = customer(key);
        assertThat(changed.getField("city")).isEqualTo("Upgrade Falls");
        assertThat(meta(changed, "hash_diff")).isNotEqualTo(hashDiff);
        assertThat(changed.getField(COLUMN))
                .as("the previous hash diff: the one v1 wrote")
                .isEqualTo(hashDiff);
        assertThat(versionsSince(table("silver.customer"), upgraded, key))
                .as("the customer's rows in every snapshot since the upgrade: no row of the copy")
                .containsExactly(meta(before, "source_event_id"), "upgrade-silver-change");
    }

    /** A customer of acme (not a guest, keyed by its id) as v1 wrote it. */
    private Record aCustomerV1Wrote() {
        return IcebergRows.read(
                        table("silver.customer"), equal("meta.tenant_id", AcmeWebhooks.TENANT))
                .stream()
                .filter(row -> !row.getField("customer_key").toString().contains("@"))
                .min(Comparator.comparing(row -> row.getField("customer_key").toString()))
                .orElseThrow(() -> new AssertionError("silver.customer holds no acme customer"));
    }

    private Record customer(String key) {
        List<Record> rows = IcebergRows.read(table("silver.customer"), customerKey(key));
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    /**
     * The distinct {@code meta.source_event_id}s of the customer's row, snapshot by snapshot from
     * {@code snapshotId} on.
     */
    private static Set<String> versionsSince(Table table, long snapshotId, String key) {
        table.refresh();
        List<Long> snapshots =
                new ArrayList<>(
                        SnapshotUtil.snapshotIdsBetween(
                                table, snapshotId, table.currentSnapshot().snapshotId()));
        snapshots.add(snapshotId);
        Collections.reverse(snapshots);
        Set<String> versions = new LinkedHashSet<>();
        for (long snapshot : snapshots) {
            for (Record row : IcebergRows.read(table, snapshot, customerKey(key))) {
                versions.add(meta(row, "source_event_id"));
            }
        }
        return versions;
    }

    private static Expression customerKey(String key) {
        return and(equal("meta.tenant_id", AcmeWebhooks.TENANT), equal("customer_key", key));
    }

    private static Expression invoice(String key) {
        return and(equal("meta.tenant_id", AcmeWebhooks.TENANT), equal("invoice_key", key));
    }

    private static String meta(Record row, String field) {
        return ((Record) row.getField("meta")).getField(field).toString();
    }

    private Table table(String name) {
        return catalog.loadTable(TableIdentifier.parse(name));
    }
}
