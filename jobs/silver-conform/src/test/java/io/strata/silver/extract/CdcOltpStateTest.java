package io.strata.silver.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strata.model.silver.Customer;
import io.strata.model.silver.Product;
import io.strata.silver.config.CanonicalEntity;
import io.strata.silver.testing.BronzeEvents;
import io.strata.silver.testing.OracleRows;
import io.strata.silver.testing.SilverTables;
import io.strata.silver.testing.TenantFiles;
import io.strata.workload.Workload;
import io.strata.workload.WorkloadOptions;
import io.strata.workload.WorkloadParams;
import io.strata.workload.oltp.OltpChange;
import io.strata.workload.oltp.OltpTable;
import io.strata.workload.oltp.OltpWorkload;
import io.strata.workload.oracle.CdcProjection;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The generator's OLTP seed and changes, as the cdc-capture job writes them (Debezium envelopes,
 * numerics as exact JSON numbers, timestamptz as ISO-8601 UTC, jsonb as text), through the tenant
 * files' {@code cdc:} rules: Silver's customers and products equal the rows the OLTP oracle says
 * Postgres holds at the end (inserts, updates and deletes applied in commit order), and those the
 * workload oracle's {@link CdcProjection} predicts.
 */
class CdcOltpStateTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void cdcChangesGiveTheFinalOltpRows() {
        WorkloadParams params =
                WorkloadParams.builder()
                        .seed(9)
                        .set(WorkloadOptions.OLTP_CUSTOMERS, 60)
                        .set(WorkloadOptions.OLTP_PRODUCTS, 25)
                        .set(WorkloadOptions.OLTP_CHANGES, 2_500)
                        .build();
        OltpWorkload oltp = Workload.of(params).oltp();
        SilverExtractor extractor = TenantFiles.extractor();
        SilverTables silver = new SilverTables();
        long lsn = 0;
        int ignored = 0;
        List<OltpChange> all = new ArrayList<>(oltp.seed());
        int seeded = all.size();
        for (Iterator<OltpChange> it = oltp.changes(); it.hasNext(); ) {
            all.add(it.next());
        }
        for (OltpChange c : all) {
            lsn++;
            String op =
                    lsn <= seeded
                            ? "r"
                            : switch (c.kind()) {
                                case INSERT -> "c";
                                case UPDATE -> "u";
                                case DELETE -> "d";
                            };
            Instant commit = params.startTime().plusMillis(lsn);
            Extraction x =
                    extractor.extract(
                            BronzeEvents.cdc(
                                    (String) c.values()[0],
                                    c.table().qualifiedName(),
                                    op,
                                    change(c, op),
                                    commit,
                                    lsn),
                            BronzeEvents.PROCESSED_AT);
            if (x instanceof Extraction.Rows rows) {
                silver.apply(rows.rows(), commit.toEpochMilli(), lsn);
            } else {
                assertThat(x).as(c.toString()).isInstanceOf(Extraction.Ignored.class);
                ignored++;
            }
        }

        var expected = oltp.expectedState();
        Set<List<Object>> customers = new HashSet<>();
        expected.rows(OltpTable.CUSTOMERS)
                .values()
                .forEach(
                        r ->
                                customers.add(
                                        List.of(
                                                r[0],
                                                r[2],
                                                r[3],
                                                String.valueOf(r[4]),
                                                String.valueOf(r[5]),
                                                r[6],
                                                r[7],
                                                r[8],
                                                r[12])));
        Set<List<Object>> actualCustomers = new HashSet<>();
        silver.live(CanonicalEntity.CUSTOMER)
                .forEach(
                        row -> {
                            Customer c = row.as(Customer.class);
                            actualCustomers.add(
                                    List.of(
                                            c.getMeta().getTenantId(),
                                            c.getCustomerKey(),
                                            c.getName(),
                                            String.valueOf(c.getEmail()),
                                            String.valueOf(c.getPhone()),
                                            c.getSegment(),
                                            c.getCity(),
                                            c.getCountry(),
                                            c.getCreatedAt()));
                        });
        assertThat(actualCustomers).isEqualTo(customers);

        Set<List<Object>> products = new HashSet<>();
        expected.rows(OltpTable.PRODUCTS)
                .values()
                .forEach(r -> products.add(List.of(r[0], r[2], r[3], r[4], r[5], r[6])));
        Set<List<Object>> actualProducts = new HashSet<>();
        silver.live(CanonicalEntity.PRODUCT)
                .forEach(
                        row -> {
                            Product p = row.as(Product.class);
                            actualProducts.add(
                                    List.of(
                                            p.getMeta().getTenantId(),
                                            p.getProductKey(),
                                            p.getName(),
                                            p.getCategory(),
                                            p.getUnitPrice(),
                                            p.getCurrency()));
                        });
        assertThat(actualProducts).isEqualTo(products);
        assertThat(customers.size()).isGreaterThan(150);

        // The workload oracle's CDC projection predicts exactly these rows.
        CdcProjection oracle = CdcProjection.of(oltp);
        assertThat(OracleRows.customers(silver))
                .containsExactlyInAnyOrderElementsOf(oracle.customers());
        assertThat(OracleRows.products(silver))
                .containsExactlyInAnyOrderElementsOf(oracle.products());
        assertThat(ignored).isPositive();
    }

    /** The Debezium envelope cdc-capture writes for one change. */
    private static String change(OltpChange c, String op) {
        ObjectNode e = JSON.createObjectNode();
        JsonNode row = row(c);
        e.set("before", op.equals("d") ? row : null);
        e.set("after", op.equals("d") ? null : row);
        e.putObject("source").put("schema", OltpTable.SCHEMA).put("table", c.table().tableName());
        return e.put("op", op).toString();
    }

    private static JsonNode row(OltpChange c) {
        ObjectNode row = JSON.createObjectNode();
        List<OltpTable.Column> columns = c.table().columns();
        for (int i = 0; i < columns.size(); i++) {
            Object v = c.values()[i];
            String name = columns.get(i).name();
            if (v == null) {
                row.putNull(name);
            } else if (v instanceof BigDecimal d) {
                row.put(name, d);
            } else if (v instanceof Long l) {
                row.put(name, l);
            } else if (v instanceof Integer n) {
                row.put(name, n);
            } else if (v instanceof Boolean b) {
                row.put(name, b);
            } else {
                row.put(name, v.toString()); // text, timestamptz as ISO-8601 UTC, jsonb as text
            }
        }
        return row;
    }
}
