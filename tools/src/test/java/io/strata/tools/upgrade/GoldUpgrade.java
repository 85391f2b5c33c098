package io.strata.tools.upgrade;

import static org.apache.iceberg.expressions.Expressions.and;
import static org.apache.iceberg.expressions.Expressions.equal;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strata.tools.stack.FlinkRest;
import io.strata.tools.stack.LocalStack;
import io.strata.workload.truth.Op;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.expressions.Expression;

/**
 * {@code ./strata upgrade gold-features} to its v2 on a running stack (the features' {@code
 * EntityVersion} gains {@code currency}, the feature tables the column {@code last_order_currency}
 * filled from it): the features continue from v1's state. A new order of a customer after the
 * upgrade counts on top of every order v1 counted, v1's current row of the customer is closed by v2
 * and keeps the column empty, and v2's row has it filled.
 */
public final class GoldUpgrade {

    private static final String JOB = "gold-features";
    private static final String COLUMN = "last_order_currency";

    /**
     * Later than every event of the workload (and than Silver's upgrade test's records): the new
     * order is the customer's newest input event.
     */
    private static final Instant ORDER_PLACED = Instant.parse("2025-02-01T00:00:00Z");

    /** The order's next version: moves the watermark of its Silver partition past the order. */
    private static final Instant ORDER_PAID = ORDER_PLACED.plus(Duration.ofHours(1));

    private static final BigDecimal TOTAL = new BigDecimal("42.00");

    private final LocalStack stack;
    private final Catalog catalog;
    private final AcmeWebhooks webhooks;

    /** Call with the three jobs RUNNING and Gold caught up with Silver. */
    public GoldUpgrade(LocalStack stack, Catalog catalog) {
        this.stack = stack;
        this.catalog = catalog;
        this.webhooks = new AcmeWebhooks(stack.home());
    }

    public void toV2ContinuesTheFeaturesAndFillsTheNewColumn(Path workDir) {
        Record before = aCustomerWithEveryOrderCounted();
        String key = before.getField("customer_key").toString();
        Path jar = JobV2Jar.build(stack.home(), JOB, workDir);

        // The readers v2 starts without records stop holding the watermark back after seconds.
        StrataCommand.Result upgrade =
                StrataCommand.upgrade(
                        stack.home(), JOB, jar, List.of("--gold.features.idleness", "5s"));
        assertThat(upgrade.exitCode()).as(upgrade.output()).isZero();
        assertThat(upgrade.output()).contains("upgrade gold-features: UPGRADED in");
        assertThat(new FlinkRest(stack.home()).running(JOB).map(FlinkRest.Job::id))
                .contains(upgrade.field("new job"));
        assertThat(table("gold.customer_features").schema().findField(COLUMN)).isNotNull();

        placeAnOrder(key);
        Awaits.until(
                () -> validFrom(current(key)).equals(ORDER_PLACED),
                "the customer's row as of the new order in gold.customer_features");

        Record now = current(key);
        assertThat(now.getField("lifetime_order_count"))
                .as("v1's orders and the new one")
                .isEqualTo((Long) before.getField("lifetime_order_count") + 1);
        assertThat(now.getField("lifetime_spend"))
                .isEqualTo(((BigDecimal) before.getField("lifetime_spend")).add(TOTAL));
        assertThat(IcebergRows.instant(now.getField("first_order_time")))
                .isEqualTo(IcebergRows.instant(before.getField("first_order_time")));
        assertThat(IcebergRows.instant(now.getField("last_order_time"))).isEqualTo(ORDER_PLACED);
        assertThat(now.getField(COLUMN)).as("v2's column").isEqualTo(AcmeWebhooks.CURRENCY);
        Record closed = history(key).get(validFrom(before));
        assertThat(closed.getField("valid_to")).as("v1's current row, closed by v2").isNotNull();
        assertThat(closed.getField("lifetime_order_count"))
                .isEqualTo(before.getField("lifetime_order_count"));
        assertThat(closed.getField(COLUMN)).as("v2's column of v1's row").isNull();
    }

    /**
     * A customer of acme (not a guest) whose current row counts every order Silver holds of it, so
     * no order of it waits in v1's state: the first by key.
     */
    private Record aCustomerWithEveryOrderCounted() {
        Map<String, Long> orders =
                IcebergRows.read(
                                table("silver.order"), equal("meta.tenant_id", AcmeWebhooks.TENANT))
                        .stream()
                        .map(row -> row.getField("customer_key"))
                        .filter(Objects::nonNull)
                        .collect(Collectors.groupingBy(Object::toString, Collectors.counting()));
        return IcebergRows.read(
                        table("gold.customer_features"), equal("tenant_id", AcmeWebhooks.TENANT))
                .stream()
                .filter(row -> !row.getField("customer_key").toString().contains("@"))
                .filter(
                        row ->
                                row.getField("lifetime_order_count")
                                        .equals(
                                                orders.getOrDefault(
                                                        row.getField("customer_key").toString(),
                                                        0L)))
                .filter(row -> (Long) row.getField("lifetime_order_count") > 0)
                .min(Comparator.comparing(row -> row.getField("customer_key").toString()))
                .orElseThrow(() -> new AssertionError("no acme customer with every order counted"));
    }

    /** A new order of the customer (unchanged), then, once Silver has it, its next version. */
    private void placeAnOrder(String key) {
        List<Record> customer =
                IcebergRows.read(
                        table("silver.customer"),
                        and(
                                equal("meta.tenant_id", AcmeWebhooks.TENANT),
                                equal("customer_key", key)));
        assertThat(customer).hasSize(1);
        ObjectNode order =
                AcmeWebhooks.order(
                        "SO-UPGRADE-1",
                        ORDER_PLACED,
                        TOTAL,
                        AcmeWebhooks.customer(customer.get(0)));
        webhooks.sendOrder(
                Op.CREATE, "upgrade-gold-order", ORDER_PLACED, order.put("status", "placed"));
        Awaits.until(
                () -> !IcebergRows.read(table("silver.order"), orderKey("SO-UPGRADE-1")).isEmpty(),
                "the new order in silver.order");
        webhooks.sendOrder(Op.UPDATE, "upgrade-gold-paid", ORDER_PAID, order.put("status", "paid"));
    }

    private Record current(String key) {
        List<Record> rows = IcebergRows.read(table("gold.customer_features"), customer(key));
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    /** The customer's rows in {@code gold.customer_features_history}, by {@code valid_from}. */
    private Map<Instant, Record> history(String key) {
        return IcebergRows.read(table("gold.customer_features_history"), customer(key)).stream()
                .collect(Collectors.toMap(GoldUpgrade::validFrom, Function.identity()));
    }

    private static Instant validFrom(Record row) {
        return IcebergRows.instant(row.getField("valid_from"));
    }

    private static Expression customer(String key) {
        return and(equal("tenant_id", AcmeWebhooks.TENANT), equal("customer_key", key));
    }

    private static Expression orderKey(String key) {
        return and(equal("meta.tenant_id", AcmeWebhooks.TENANT), equal("order_key", key));
    }

    private Table table(String name) {
        return catalog.loadTable(TableIdentifier.parse(name));
    }
}
