package io.strata.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.workload.raw.RawRecord;
import io.strata.workload.truth.CustomerVersion;
import io.strata.workload.truth.RecordType;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Customers and products are embedded in every transaction type, reused Zipf-like, and change. */
class MasterDataReuseTest {

    private final List<RawRecord> records =
            TestWorkloads.records(
                    TestWorkloads.small(5, 30_000)
                            .clean()
                            .set(WorkloadOptions.CUSTOMERS, 5_000)
                            .build());

    @Test
    void fewDistinctCustomersAmongManyEmbeddedCopies() {
        Map<String, Integer> copies = new HashMap<>();
        for (RawRecord r : records) {
            CustomerVersion c = r.truth().customer();
            if (c != null) {
                copies.merge(r.tenant() + "/" + c.key(), 1, Integer::sum);
            }
        }
        int embedded = copies.values().stream().mapToInt(Integer::intValue).sum();
        int mostPopular = copies.values().stream().mapToInt(Integer::intValue).max().orElseThrow();

        assertThat(embedded).isGreaterThan(25_000);
        assertThat(copies.size()).isLessThan(embedded / 4);
        assertThat(mostPopular).isGreaterThan(embedded / 100);
    }

    @Test
    void customersAreEmbeddedInEveryTransactionType() {
        Set<RecordType> types = EnumSet.noneOf(RecordType.class);
        records.stream()
                .filter(r -> r.truth().customer() != null)
                .forEach(r -> types.add(r.truth().type()));

        assertThat(types).containsExactlyInAnyOrder(RecordType.values());
    }

    @Test
    void customerAttributesChangeOverTime() {
        Map<String, Set<CustomerVersion>> versions = new HashMap<>();
        for (RawRecord r : records) {
            CustomerVersion c = r.truth().customer();
            if (c != null) {
                versions.computeIfAbsent(r.tenant() + "/" + c.key(), k -> new HashSet<>()).add(c);
            }
        }
        long changed = versions.values().stream().filter(v -> v.size() > 1).count();

        assertThat(changed).isGreaterThan(100);
    }

    @Test
    void productPricesChangeOverTime() {
        Map<String, Set<Long>> prices = new HashMap<>();
        records.forEach(
                r ->
                        r.truth()
                                .products()
                                .forEach(
                                        p ->
                                                prices.computeIfAbsent(
                                                                r.tenant() + "/" + p.key(),
                                                                k -> new HashSet<>())
                                                        .add(p.unitPriceCents())));

        assertThat(prices.values().stream().filter(s -> s.size() > 1).count()).isGreaterThan(50);
    }
}
