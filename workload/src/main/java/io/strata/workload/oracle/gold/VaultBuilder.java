package io.strata.workload.oracle.gold;

import io.strata.workload.oracle.SilverRows.CustomerRow;
import io.strata.workload.oracle.SilverRows.OrderLineRow;
import io.strata.workload.oracle.SilverRows.OrderRow;
import io.strata.workload.oracle.SilverRows.ProductRow;
import io.strata.workload.oracle.SilverVersion;
import io.strata.workload.oracle.gold.VaultRows.CustomerDetails;
import io.strata.workload.oracle.gold.VaultRows.CustomerOrderLink;
import io.strata.workload.oracle.gold.VaultRows.HubRow;
import io.strata.workload.oracle.gold.VaultRows.OrderHeader;
import io.strata.workload.oracle.gold.VaultRows.OrderProductLink;
import io.strata.workload.oracle.gold.VaultRows.ProductDetails;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Builds the Data Vault from Silver's change log, in its order ({@code docs/gold.md}): hub and link
 * keys from the live version with the earliest event time that brings them, at equal times the
 * smaller topic (its event time is the load time, its topic the record source); satellite rows per
 * {@link Satellite}, a delete's hash diff being over its columns and the text {@code deleted}.
 * Deletes add satellite rows only.
 *
 * <p>Ghost rows: the spec leaves a ghost satellite row's hash diff open; here it is the ghost key
 * (32 zeros), with null descriptive columns and {@code deleted} false.
 */
final class VaultBuilder {

    private static final String SYSTEM = "SYSTEM";
    private static final String DELETED = "deleted";

    private final Map<String, HubRow> hubCustomer = new TreeMap<>();
    private final Map<String, HubRow> hubProduct = new TreeMap<>();
    private final Map<String, HubRow> hubOrder = new TreeMap<>();
    private final Map<String, CustomerOrderLink> linkCustomerOrder = new TreeMap<>();
    private final Map<String, OrderProductLink> linkOrderProduct = new TreeMap<>();
    private final Satellite<CustomerDetails> satCustomer = new Satellite<>();
    private final Satellite<ProductDetails> satProduct = new Satellite<>();
    private final Satellite<OrderHeader> satOrder = new Satellite<>();

    static GoldVault of(List<SilverVersion> changeLog) {
        VaultBuilder b = new VaultBuilder();
        changeLog.forEach(b::accept);
        return b.build();
    }

    private void accept(SilverVersion v) {
        String source = v.entity().topic();
        Instant t = v.eventTime();
        if (v.row() instanceof CustomerRow c) {
            String hk = VaultHash.hashKey(c.tenantId(), c.customerKey());
            hub(hubCustomer, v, c.customerKey());
            String hd =
                    hashDiff(
                            v.deleted(),
                            c.name(),
                            c.email(),
                            c.phone(),
                            c.segment(),
                            c.city(),
                            c.country(),
                            c.createdAt());
            satCustomer.offer(
                    hk,
                    t,
                    hd,
                    new CustomerDetails(
                            hk,
                            t,
                            hd,
                            source,
                            c.name(),
                            c.email(),
                            c.phone(),
                            c.segment(),
                            c.city(),
                            c.country(),
                            c.createdAt(),
                            v.deleted()));
        } else if (v.row() instanceof ProductRow p) {
            String hk = VaultHash.hashKey(p.tenantId(), p.productKey());
            hub(hubProduct, v, p.productKey());
            String hd = hashDiff(v.deleted(), p.name(), p.category(), p.unitPrice(), p.currency());
            satProduct.offer(
                    hk,
                    t,
                    hd,
                    new ProductDetails(
                            hk,
                            t,
                            hd,
                            source,
                            p.name(),
                            p.category(),
                            p.unitPrice(),
                            p.currency(),
                            v.deleted()));
        } else if (v.row() instanceof OrderRow o) {
            order(v, o);
        } else if (v.row() instanceof OrderLineRow l) {
            line(v, l);
        }
    }

    private void order(SilverVersion v, OrderRow o) {
        String tenant = o.tenantId();
        String orderHk = VaultHash.hashKey(tenant, o.orderKey());
        hub(hubOrder, v, o.orderKey());
        hub(hubCustomer, v, o.customerKey());
        if (!v.deleted()) {
            String linkHk = VaultHash.hashKey(tenant, o.customerKey(), o.orderKey());
            firstSighting(
                    linkCustomerOrder,
                    linkHk,
                    new CustomerOrderLink(
                            linkHk,
                            VaultHash.reference(tenant, o.customerKey()),
                            orderHk,
                            tenant,
                            v.eventTime(),
                            v.entity().topic()),
                    CustomerOrderLink::loadTime,
                    CustomerOrderLink::recordSource);
        }
        String hd =
                hashDiff(
                        v.deleted(),
                        o.orderTime(),
                        o.status(),
                        o.channel(),
                        o.currency(),
                        o.totalAmount());
        satOrder.offer(
                orderHk,
                v.eventTime(),
                hd,
                new OrderHeader(
                        orderHk,
                        v.eventTime(),
                        hd,
                        v.entity().topic(),
                        o.orderTime(),
                        o.status(),
                        o.channel(),
                        o.currency(),
                        o.totalAmount(),
                        v.deleted()));
    }

    private void line(SilverVersion v, OrderLineRow l) {
        if (v.deleted()) {
            return;
        }
        String tenant = l.tenantId();
        hub(hubOrder, v, l.orderKey());
        hub(hubProduct, v, l.productKey());
        String linkHk = VaultHash.hashKey(tenant, l.orderKey(), l.productKey());
        firstSighting(
                linkOrderProduct,
                linkHk,
                new OrderProductLink(
                        linkHk,
                        VaultHash.hashKey(tenant, l.orderKey()),
                        VaultHash.reference(tenant, l.productKey()),
                        tenant,
                        v.eventTime(),
                        v.entity().topic()),
                OrderProductLink::loadTime,
                OrderProductLink::recordSource);
    }

    /**
     * Adds the hub key of {@code businessKey} unless it is known, missing or {@code v} a delete.
     */
    private static void hub(Map<String, HubRow> hub, SilverVersion v, String businessKey) {
        String hk = VaultHash.reference(v.tenant(), businessKey);
        if (!v.deleted() && !hk.equals(VaultHash.GHOST)) {
            firstSighting(
                    hub,
                    hk,
                    new HubRow(hk, v.tenant(), businessKey, v.eventTime(), v.entity().topic()),
                    HubRow::loadTime,
                    HubRow::recordSource);
        }
    }

    /**
     * Keeps a hub or link key's first sighting in event time, at equal times the smaller record
     * source ({@code docs/gold.md}): the row does not depend on the order topics are read in.
     */
    private static <R> void firstSighting(
            Map<String, R> rows,
            String key,
            R row,
            Function<R, Instant> loadTime,
            Function<R, String> recordSource) {
        rows.merge(
                key,
                row,
                (known, seen) -> {
                    int byTime = loadTime.apply(seen).compareTo(loadTime.apply(known));
                    boolean earlier =
                            byTime < 0
                                    || (byTime == 0
                                            && recordSource
                                                            .apply(seen)
                                                            .compareTo(recordSource.apply(known))
                                                    < 0);
                    return earlier ? seen : known;
                });
    }

    /** The hash diff of a satellite row: its descriptive columns, then the text for a delete. */
    private static String hashDiff(boolean deleted, Object... columns) {
        if (!deleted) {
            return VaultHash.hashDiff(columns);
        }
        Object[] withMarker = Arrays.copyOf(columns, columns.length + 1);
        withMarker[columns.length] = DELETED;
        return VaultHash.hashDiff(withMarker);
    }

    private GoldVault build() {
        return new GoldVault(
                hub(hubCustomer),
                hub(hubProduct),
                hub(hubOrder),
                new ArrayList<>(linkCustomerOrder.values()),
                new ArrayList<>(linkOrderProduct.values()),
                satCustomer.rows(
                        new CustomerDetails(
                                VaultHash.GHOST,
                                Instant.EPOCH,
                                VaultHash.GHOST,
                                SYSTEM,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                false)),
                satProduct.rows(
                        new ProductDetails(
                                VaultHash.GHOST,
                                Instant.EPOCH,
                                VaultHash.GHOST,
                                SYSTEM,
                                null,
                                null,
                                null,
                                null,
                                false)),
                satOrder.rows(
                        new OrderHeader(
                                VaultHash.GHOST,
                                Instant.EPOCH,
                                VaultHash.GHOST,
                                SYSTEM,
                                null,
                                null,
                                null,
                                null,
                                null,
                                false)));
    }

    /** A hub's rows after its ghost row. */
    private static List<HubRow> hub(Map<String, HubRow> keys) {
        List<HubRow> rows = new ArrayList<>();
        rows.add(
                new HubRow(
                        VaultHash.GHOST,
                        VaultHash.MISSING,
                        VaultHash.MISSING,
                        Instant.EPOCH,
                        SYSTEM));
        rows.addAll(keys.values());
        return rows;
    }
}
