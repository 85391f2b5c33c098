package io.strata.workload.oltp;

import io.strata.workload.WorkloadOptions;
import io.strata.workload.WorkloadParams;
import io.strata.workload.oltp.OltpChange.Kind;
import io.strata.workload.truth.TenantProfile;
import io.strata.workload.truth.Tenants;
import io.strata.workload.util.Rng;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The deterministic OLTP side of a workload: the rows seeded into {@code platform.*} and the
 * sequence of inserts, updates and deletes applied afterwards, whose effect {@link
 * #expectedState()} predicts. Independent of the raw-topic stream (its own random streams), but
 * built from the same tenants. Times are simulated (start-time plus one second per change), so the
 * expected rows do not depend on when the run happens.
 */
public final class OltpWorkload {

    private static final String[][] TENANT_SETTINGS = {
        {"us-east", "en-US"}, {"eu-central", "de-DE"}, {"ap-northeast", "en-GB"}
    };

    private final WorkloadParams params;

    public OltpWorkload(WorkloadParams params) {
        this.params = params;
    }

    /** The initial rows, as inserts: tenants, customers, products and their price lists. */
    public List<OltpChange> seed() {
        Rng rng = Rng.derive(params.seed(), "oltp-seed");
        Instant start = params.startTime();
        List<OltpChange> rows = new ArrayList<>();
        List<TenantProfile> tenants = Tenants.ALL;
        for (int i = 0; i < tenants.size(); i++) {
            TenantProfile t = tenants.get(i);
            Instant created = start.minusSeconds(86_400L * 400);
            String[] s = TENANT_SETTINGS[i % TENANT_SETTINGS.length];
            rows.add(
                    insert(
                            OltpTable.TENANTS,
                            OltpRows.tenant(t, s[0], s[1], 50 * (i + 1), created)));
            for (long id = 1; id <= params.get(WorkloadOptions.OLTP_CUSTOMERS); id++) {
                Instant at = start.minusSeconds(rng.between(86_400, 86_400L * 365));
                rows.add(insert(OltpTable.CUSTOMERS, OltpRows.customer(t, id, rng, at, at)));
            }
            for (long id = 1; id <= params.get(WorkloadOptions.OLTP_PRODUCTS); id++) {
                Instant at = start.minusSeconds(rng.between(86_400, 86_400L * 365));
                Object[] product = OltpRows.product(t, id, rng, at, at);
                rows.add(insert(OltpTable.PRODUCTS, product));
                rows.add(
                        insert(
                                OltpTable.PRICE_LISTS,
                                OltpRows.priceList(t, id, id, (BigDecimal) product[5], rng, at)));
            }
        }
        return rows;
    }

    /** The changes after seeding, generated lazily; every call starts the same sequence again. */
    public Iterator<OltpChange> changes() {
        OltpState model = new OltpState();
        seed().forEach(model::apply);
        OltpChangeGenerator generator =
                new OltpChangeGenerator(model, Rng.derive(params.seed(), "oltp-changes"), params);
        int total = changeCount();
        return new Iterator<>() {
            private int produced;

            @Override
            public boolean hasNext() {
                return produced < total;
            }

            @Override
            public OltpChange next() {
                if (produced >= total) {
                    throw new NoSuchElementException();
                }
                return generator.next(produced++);
            }
        };
    }

    public int changeCount() {
        return params.get(WorkloadOptions.OLTP_CHANGES);
    }

    /** The tables' content after the seed and every change: what Postgres must hold. */
    public OltpState expectedState() {
        OltpState state = new OltpState();
        seed().forEach(state::apply);
        changes().forEachRemaining(state::apply);
        return state;
    }

    static OltpChange insert(OltpTable table, Object[] row) {
        return new OltpChange(Kind.INSERT, table, row);
    }
}
