package io.strata.workload.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.strata.workload.TestWorkloads;
import io.strata.workload.Workload;
import io.strata.workload.WorkloadParams;
import io.strata.workload.oracle.Oracle;
import io.strata.workload.oracle.SilverState;
import io.strata.workload.raw.RawRecord;
import io.strata.workload.render.ReferenceExtractor.Extracted;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Extracting the entities from the rendered bytes (not the truth) with the Silver rules gives
 * exactly the oracle's Silver state: every tenant's rendering is lossless, and the oracle's "latest
 * by event time, deletes win" matches what an extractor sees.
 */
class LosslessRenderingTest {

    @Test
    void extractionFromBytesEqualsTheOraclesSilverState() {
        WorkloadParams params = TestWorkloads.small(17, 25_000).build();
        Oracle oracle = new Oracle(Workload.of(params).oracleOptions());
        Silver silver = new Silver();
        for (RawRecord r : TestWorkloads.records(params)) {
            if (oracle.accept(r).reachesSilver()) {
                silver.apply(r);
            }
        }
        SilverState expected = oracle.result().silver();

        assertThat(silver.rows("customer", "customerKey")).isEqualTo(expected.customers());
        assertThat(silver.rows("product", "productKey")).isEqualTo(expected.products());
        assertThat(silver.rows("order", "orderKey")).isEqualTo(expected.orders());
        assertThat(silver.rows("invoice", "invoiceKey")).isEqualTo(expected.invoices());
        assertThat(silver.rows("shipment", "shipmentKey")).isEqualTo(expected.shipments());
        assertThat(silver.rows("return", "returnKey")).isEqualTo(expected.returns());
        assertThat(silver.rows("ticket", "ticketKey")).isEqualTo(expected.tickets());
        assertThat(silver.lines()).isEqualTo(expected.orderLines());
        assertThat(expected.counts().values()).allSatisfy(n -> assertThat(n).isPositive());
    }

    /** Silver built from extracted rows: per entity and key the latest (event time, position). */
    private static final class Silver {

        private record Version(long time, long position, Record row) {}

        private final Map<String, Map<String, Version>> tables = new HashMap<>();

        void apply(RawRecord r) {
            JsonNode e = TestWorkloads.parse(r.value());
            long time = Instant.parse(e.get("event_time").asText()).toEpochMilli();
            String type = e.get("record_type").asText();
            boolean delete = e.get("op").asText().equals("delete");
            String tenant = e.get("tenant_id").asText();
            Extracted x =
                    ReferenceExtractor.extract(
                            tenant,
                            e.get("schema_version").asText(),
                            type,
                            delete,
                            e.get("payload"));
            if (delete) {
                String table = type.equals("sales_order") ? "order" : "ticket";
                upsert(table, tenant + "/" + x.key(), time, r.position(), null);
                return;
            }
            x.customers()
                    .forEach(
                            c ->
                                    upsert(
                                            "customer",
                                            tenant + "/" + c.customerKey(),
                                            time,
                                            r.position(),
                                            c));
            x.products()
                    .forEach(
                            p ->
                                    upsert(
                                            "product",
                                            tenant + "/" + p.productKey(),
                                            time,
                                            r.position(),
                                            p));
            x.orders()
                    .forEach(
                            o ->
                                    upsert(
                                            "order",
                                            tenant + "/" + o.orderKey(),
                                            time,
                                            r.position(),
                                            o));
            x.lines()
                    .forEach(
                            l ->
                                    upsert(
                                            "line",
                                            tenant + "/" + l.orderKey() + "/" + l.lineKey(),
                                            time,
                                            r.position(),
                                            l));
            x.invoices()
                    .forEach(
                            i ->
                                    upsert(
                                            "invoice",
                                            tenant + "/" + i.invoiceKey(),
                                            time,
                                            r.position(),
                                            i));
            x.shipments()
                    .forEach(
                            s ->
                                    upsert(
                                            "shipment",
                                            tenant + "/" + s.shipmentKey(),
                                            time,
                                            r.position(),
                                            s));
            x.returns()
                    .forEach(
                            t ->
                                    upsert(
                                            "return",
                                            tenant + "/" + t.returnKey(),
                                            time,
                                            r.position(),
                                            t));
            x.tickets()
                    .forEach(
                            t ->
                                    upsert(
                                            "ticket",
                                            tenant + "/" + t.ticketKey(),
                                            time,
                                            r.position(),
                                            t));
        }

        private void upsert(String table, String key, long time, long position, Record row) {
            Map<String, Version> t = tables.computeIfAbsent(table, k -> new HashMap<>());
            Version current = t.get(key);
            if (current == null
                    || time > current.time
                    || (time == current.time && position > current.position)) {
                t.put(key, new Version(time, position, row));
            }
        }

        <R extends Record> List<R> rows(String table, String keyComponent) {
            List<R> out = new ArrayList<>();
            tables.getOrDefault(table, Map.of())
                    .values()
                    .forEach(
                            v -> {
                                if (v.row != null) {
                                    @SuppressWarnings("unchecked")
                                    R row = (R) v.row;
                                    out.add(row);
                                }
                            });
            out.sort(
                    Comparator.comparing((R r) -> component(r, "tenantId"))
                            .thenComparing(r -> component(r, keyComponent)));
            return out;
        }

        List<io.strata.workload.oracle.SilverRows.OrderLineRow> lines() {
            Map<String, Version> orders = tables.get("order");
            List<io.strata.workload.oracle.SilverRows.OrderLineRow> all = rows("line", "orderKey");
            all.removeIf(
                    l -> {
                        Version o = orders.get(l.tenantId() + "/" + l.orderKey());
                        return o == null || o.row == null;
                    });
            all.sort(
                    Comparator.comparing(
                                    io.strata.workload.oracle.SilverRows.OrderLineRow::tenantId)
                            .thenComparing(l -> l.orderKey() + '\u0000' + l.lineKey()));
            return all;
        }

        private static String component(Record r, String name) {
            Function<Record, Object> accessor =
                    x -> {
                        try {
                            return x.getClass().getMethod(name).invoke(x);
                        } catch (ReflectiveOperationException ex) {
                            throw new IllegalStateException(ex);
                        }
                    };
            return (String) accessor.apply(r);
        }
    }
}
