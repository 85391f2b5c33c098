package io.strata.workload.oltp;

import com.fasterxml.jackson.databind.JsonNode;
import io.strata.workload.WorkloadOptions;
import io.strata.workload.WorkloadParams;
import io.strata.workload.oltp.OltpChange.Kind;
import io.strata.workload.truth.Tenants;
import io.strata.workload.truth.Vocabulary;
import io.strata.workload.util.Rng;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Chooses each next OLTP change against a model of the current rows, so every update and delete
 * hits an existing row: mostly customer updates (the master data that really changes), some new and
 * deleted customers, price changes, and price-list churn.
 */
final class OltpChangeGenerator {

    private final OltpState model;
    private final Rng rng;
    private final Instant start;
    private final long[] nextCustomerId;
    private final long[] nextProductId;
    private final long[] nextPriceListId;

    OltpChangeGenerator(OltpState model, Rng rng, WorkloadParams params) {
        this.model = model;
        this.rng = rng;
        this.start = params.startTime();
        int n = Tenants.ALL.size();
        this.nextCustomerId = filled(n, params.get(WorkloadOptions.OLTP_CUSTOMERS));
        this.nextProductId = filled(n, params.get(WorkloadOptions.OLTP_PRODUCTS));
        this.nextPriceListId = nextProductId.clone();
    }

    /** The {@code index}-th change; also applied to the model. */
    OltpChange next(int index) {
        Instant now = start.plusSeconds(index + 1L);
        double u = rng.nextDouble();
        OltpChange c;
        if (u < 0.12 || model.size(OltpTable.CUSTOMERS) == 0) {
            c = insertCustomer(now);
        } else if (u < 0.57) {
            c = updateCustomer(now);
        } else if (u < 0.62) {
            c = delete(OltpTable.CUSTOMERS);
        } else if (u < 0.66) {
            c = insertProduct(now);
        } else if (u < 0.84) {
            c = updateProduct(now);
        } else if (u < 0.90) {
            c = insertPriceList(now);
        } else if (u < 0.96 && model.size(OltpTable.PRICE_LISTS) > 0) {
            c = updatePriceList(now);
        } else if (u < 0.99 && model.size(OltpTable.PRICE_LISTS) > 0) {
            c = delete(OltpTable.PRICE_LISTS);
        } else {
            c = updateTenant(now);
        }
        model.apply(c);
        return c;
    }

    private OltpChange insertCustomer(Instant now) {
        int t = rng.nextInt(Tenants.ALL.size());
        Object[] row = OltpRows.customer(Tenants.ALL.get(t), ++nextCustomerId[t], rng, now, now);
        return new OltpChange(Kind.INSERT, OltpTable.CUSTOMERS, row);
    }

    private OltpChange updateCustomer(Instant now) {
        Object[] row = model.get(OltpTable.CUSTOMERS, model.randomKey(OltpTable.CUSTOMERS, rng));
        switch (rng.nextInt(5)) {
            case 0 ->
                    row[4] =
                            "changed"
                                    + rng.nextInt(1_000_000)
                                    + "@"
                                    + rng.pick(Vocabulary.EMAIL_DOMAINS);
            case 1 -> row[5] = "+1-555-" + (1000 + rng.nextInt(9000));
            case 2 -> row[6] = rng.pick(Vocabulary.SEGMENTS);
            case 3 -> {
                String[] city = rng.pick(Vocabulary.CITIES);
                row[7] = city[0];
                row[8] = city[1];
            }
            default -> {
                row[9] = BigDecimal.valueOf(rng.between(0, 500) * 10_000L, 2);
                row[10] = !(Boolean) row[10];
                row[11] = OltpRows.customerAttributes(rng);
            }
        }
        row[13] = now;
        return new OltpChange(Kind.UPDATE, OltpTable.CUSTOMERS, row);
    }

    private OltpChange insertProduct(Instant now) {
        int t = rng.nextInt(Tenants.ALL.size());
        Object[] row = OltpRows.product(Tenants.ALL.get(t), ++nextProductId[t], rng, now, now);
        return new OltpChange(Kind.INSERT, OltpTable.PRODUCTS, row);
    }

    private OltpChange updateProduct(Instant now) {
        Object[] row = model.get(OltpTable.PRODUCTS, model.randomKey(OltpTable.PRODUCTS, rng));
        if (rng.chance(0.8)) {
            BigDecimal price = (BigDecimal) row[5];
            row[5] =
                    price.add(BigDecimal.valueOf(rng.between(-300, 300), 2))
                            .max(new BigDecimal("0.99"));
        } else {
            row[7] = !(Boolean) row[7];
            row[8] = OltpRows.productAttributes(rng);
        }
        row[10] = now;
        return new OltpChange(Kind.UPDATE, OltpTable.PRODUCTS, row);
    }

    private OltpChange insertPriceList(Instant now) {
        List<Object> productKey = model.randomKey(OltpTable.PRODUCTS, rng);
        Object[] product = model.get(OltpTable.PRODUCTS, productKey);
        int t = tenantIndex((String) product[0]);
        Object[] row =
                OltpRows.priceList(
                        Tenants.ALL.get(t),
                        ++nextPriceListId[t],
                        (Long) product[1],
                        (BigDecimal) product[5],
                        rng,
                        now);
        return new OltpChange(Kind.INSERT, OltpTable.PRICE_LISTS, row);
    }

    private OltpChange updatePriceList(Instant now) {
        Object[] row =
                model.get(OltpTable.PRICE_LISTS, model.randomKey(OltpTable.PRICE_LISTS, rng));
        BigDecimal price = (BigDecimal) row[5];
        row[5] =
                price.add(BigDecimal.valueOf(rng.between(-200, 200), 2))
                        .max(new BigDecimal("0.99"));
        row[8] = rng.chance(0.5) ? null : now.plusSeconds(86_400L * (1 + rng.nextInt(30)));
        row[9] = now;
        return new OltpChange(Kind.UPDATE, OltpTable.PRICE_LISTS, row);
    }

    private OltpChange updateTenant(Instant now) {
        Object[] row = model.get(OltpTable.TENANTS, model.randomKey(OltpTable.TENANTS, rng));
        int maxUsers = 10 * (1 + rng.nextInt(100));
        row[4] = OltpRows.settings(((JsonNode) row[4]).get("locale").asText(), maxUsers);
        row[7] = now;
        return new OltpChange(Kind.UPDATE, OltpTable.TENANTS, row);
    }

    private OltpChange delete(OltpTable table) {
        Object[] row = model.get(table, model.randomKey(table, rng));
        return new OltpChange(Kind.DELETE, table, row);
    }

    private static int tenantIndex(String id) {
        for (int i = 0; i < Tenants.ALL.size(); i++) {
            if (Tenants.ALL.get(i).id().equals(id)) {
                return i;
            }
        }
        throw new IllegalStateException("Unknown tenant " + id);
    }

    private static long[] filled(int n, long value) {
        long[] a = new long[n];
        Arrays.fill(a, value);
        return a;
    }
}
