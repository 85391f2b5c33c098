package io.strata.workload.oltp;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.workload.TestWorkloads;
import io.strata.workload.Workload;
import io.strata.workload.WorkloadParams;
import io.strata.workload.raw.RawRecord;
import io.strata.workload.truth.ProductVersion;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The OLTP customers and products have keys of their own, in their tenant's kind of key: with CDC
 * and webhooks both feeding Silver, no customer or product row is written by both.
 */
class OltpKeySpaceTest {

    private static final WorkloadParams PARAMS = TestWorkloads.small(31, 20_000).build();

    @Test
    void seedKeysFollowEachTenantsFormatWithThePlatformMark() {
        List<OltpChange> seed = Workload.of(PARAMS).oltp().seed();

        assertThat(firstKey(seed, OltpTable.CUSTOMERS, "acme")).isEqualTo("PC-000001");
        assertThat(firstKey(seed, OltpTable.CUSTOMERS, "globex")).isEqualTo("1000010001");
        assertThat(firstKey(seed, OltpTable.CUSTOMERS, "initech")).isEqualTo("PACC-000001");
        assertThat(firstKey(seed, OltpTable.PRODUCTS, "acme")).isEqualTo("PSKU-00001");
        assertThat(firstKey(seed, OltpTable.PRODUCTS, "globex")).isEqualTo("PG-0001");
        assertThat(firstKey(seed, OltpTable.PRODUCTS, "initech")).isEqualTo("PART-000001");
    }

    @Test
    void noOltpKeyIsAWebhookKey() {
        Set<String> webhookCustomers = new HashSet<>();
        Set<String> webhookProducts = new HashSet<>();
        for (RawRecord r : TestWorkloads.records(PARAMS)) {
            if (r.truth().customer() != null) {
                webhookCustomers.add(r.tenant() + "/" + r.truth().customer().key());
            }
            for (ProductVersion p : r.truth().products()) {
                webhookProducts.add(r.tenant() + "/" + p.key());
            }
        }
        Set<String> oltpCustomers = new HashSet<>();
        Set<String> oltpProducts = new HashSet<>();
        OltpWorkload oltp = Workload.of(PARAMS).oltp();
        oltp.seed().forEach(c -> collect(c, oltpCustomers, oltpProducts));
        for (Iterator<OltpChange> it = oltp.changes(); it.hasNext(); ) {
            collect(it.next(), oltpCustomers, oltpProducts);
        }

        assertThat(webhookCustomers).hasSizeGreaterThan(1_000);
        assertThat(oltpCustomers).hasSizeGreaterThan(150);
        assertThat(oltpCustomers).doesNotContainAnyElementsOf(webhookCustomers);
        assertThat(webhookProducts).hasSizeGreaterThan(300);
        assertThat(oltpProducts).hasSizeGreaterThan(60);
        assertThat(oltpProducts).doesNotContainAnyElementsOf(webhookProducts);
    }

    private static void collect(OltpChange c, Set<String> customers, Set<String> products) {
        String key = c.values()[0] + "/" + c.values()[2];
        switch (c.table()) {
            case CUSTOMERS -> customers.add(key);
            case PRODUCTS -> products.add(key);
            default -> {}
        }
    }

    private static String firstKey(List<OltpChange> seed, OltpTable table, String tenant) {
        return seed.stream()
                .filter(c -> c.table() == table && c.values()[0].equals(tenant))
                .map(c -> (String) c.values()[2])
                .findFirst()
                .orElseThrow();
    }
}
