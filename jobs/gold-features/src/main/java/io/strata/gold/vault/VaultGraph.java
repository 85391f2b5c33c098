package io.strata.gold.vault;

import io.strata.common.flink.Uids;
import io.strata.gold.GoldFeaturesOptions;
import io.strata.gold.input.SilverEntity;
import io.strata.gold.input.SilverStreams;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.util.function.SerializableFunction;

/**
 * The Data Vault part of the graph ({@code docs/gold.md}). Per table, the rows the Silver rows
 * bring are keyed by hash key and filtered by one stateful operator: hubs and links keep each key's
 * {@link FirstSighting}, satellites write only {@link HashDiffChanges}. A one-shot source adds each
 * hub's and satellite's ghost row. Record sources are the Silver topics' names.
 */
public final class VaultGraph {

    private final VaultSinks sinks;
    private final Uids uids;
    private final DataStream<Boolean> once;

    private VaultGraph(SilverStreams silver, VaultSinks sinks, Uids uids) {
        this.sinks = sinks;
        this.uids = uids;
        this.once =
                silver.customers()
                        .getExecutionEnvironment()
                        .fromData(Types.BOOLEAN, true)
                        .uid(uids.of("vault-ghost-source"))
                        .name("Ghost rows, once");
    }

    /** Adds the hubs, links and satellites to the graph of {@code silver}. */
    public static void build(
            SilverStreams silver, ReadableConfig config, VaultSinks sinks, Uids uids) {
        String prefix = config.get(GoldFeaturesOptions.INPUT_TOPIC_PREFIX);
        String customers = prefix + SilverEntity.CUSTOMER.entityName();
        String products = prefix + SilverEntity.PRODUCT.entityName();
        String orders = prefix + SilverEntity.ORDER.entityName();
        String lines = prefix + SilverEntity.ORDER_LINE.entityName();
        VaultGraph vault = new VaultGraph(silver, sinks, uids);

        vault.hub(
                VaultTable.HUB_CUSTOMER,
                vault.derive(
                                VaultTable.HUB_CUSTOMER,
                                "customers",
                                silver.customers(),
                                c -> Hubs.customer(c, customers))
                        .union(
                                vault.derive(
                                        VaultTable.HUB_CUSTOMER,
                                        "orders",
                                        silver.orders(),
                                        o -> Hubs.customerOf(o, orders))));
        vault.hub(
                VaultTable.HUB_PRODUCT,
                vault.derive(
                                VaultTable.HUB_PRODUCT,
                                "products",
                                silver.products(),
                                p -> Hubs.product(p, products))
                        .union(
                                vault.derive(
                                        VaultTable.HUB_PRODUCT,
                                        "order-lines",
                                        silver.orderLines(),
                                        l -> Hubs.productOf(l, lines))));
        vault.hub(
                VaultTable.HUB_ORDER,
                vault.derive(
                                VaultTable.HUB_ORDER,
                                "orders",
                                silver.orders(),
                                o -> Hubs.order(o, orders))
                        .union(
                                vault.derive(
                                        VaultTable.HUB_ORDER,
                                        "order-lines",
                                        silver.orderLines(),
                                        l -> Hubs.orderOf(l, lines))));

        vault.link(
                VaultTable.LINK_CUSTOMER_ORDER,
                vault.derive(
                        VaultTable.LINK_CUSTOMER_ORDER,
                        "orders",
                        silver.orders(),
                        o -> Links.customerOrder(o, orders)));
        vault.link(
                VaultTable.LINK_ORDER_PRODUCT,
                vault.derive(
                        VaultTable.LINK_ORDER_PRODUCT,
                        "order-lines",
                        silver.orderLines(),
                        l -> Links.orderProduct(l, lines)));

        vault.satellite(
                VaultTable.SAT_CUSTOMER_DETAILS,
                vault.derive(
                        VaultTable.SAT_CUSTOMER_DETAILS,
                        "customers",
                        silver.customers(),
                        c -> Satellites.customerDetails(c, customers)));
        vault.satellite(
                VaultTable.SAT_PRODUCT_DETAILS,
                vault.derive(
                        VaultTable.SAT_PRODUCT_DETAILS,
                        "products",
                        silver.products(),
                        p -> Satellites.productDetails(p, products)));
        vault.satellite(
                VaultTable.SAT_ORDER_HEADER,
                vault.derive(
                        VaultTable.SAT_ORDER_HEADER,
                        "orders",
                        silver.orders(),
                        o -> Satellites.orderHeader(o, orders)));
    }

    /** A table's rows from one Silver stream ({@code from} names it in the uid). */
    private <I, T extends SpecificRecordBase> DataStream<T> derive(
            VaultTable table,
            String from,
            DataStream<I> silver,
            SerializableFunction<I, T> derive) {
        return silver.flatMap(new DeriveRows<>(table, derive))
                .uid(uids.of("vault-" + table.uidName() + "-of-" + from))
                .name(table.tableName() + " of " + from);
    }

    private <T extends SpecificRecordBase> void hub(VaultTable table, DataStream<T> rows) {
        sinks.rows(table, firstSightings(table, rows).union(ghost(table)), uids);
    }

    private <T extends SpecificRecordBase> void link(VaultTable table, DataStream<T> rows) {
        sinks.rows(table, firstSightings(table, rows), uids);
    }

    private <T extends SpecificRecordBase> void satellite(VaultTable table, DataStream<T> rows) {
        DataStream<T> changes =
                rows.keyBy(new HashKeyOf<T>(table), Types.STRING)
                        .process(new HashDiffChanges<T>(), table.<T>typeInfo())
                        .uid(uids.of("vault-" + table.uidName()))
                        .name(table.tableName() + " changes");
        sinks.rows(table, changes.union(ghost(table)), uids);
    }

    private <T extends SpecificRecordBase> DataStream<T> firstSightings(
            VaultTable table, DataStream<T> rows) {
        return rows.keyBy(new HashKeyOf<T>(table), Types.STRING)
                .process(new FirstSighting<T>(), table.<T>typeInfo())
                .uid(uids.of("vault-" + table.uidName()))
                .name(table.tableName() + " first sightings");
    }

    private <T extends SpecificRecordBase> DataStream<T> ghost(VaultTable table) {
        return once.map(new GhostRow<T>(table))
                .uid(uids.of("vault-ghost-" + table.uidName()))
                .name(table.tableName() + " ghost row")
                .setParallelism(1);
    }
}
