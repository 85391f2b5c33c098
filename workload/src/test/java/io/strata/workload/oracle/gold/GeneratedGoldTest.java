package io.strata.workload.oracle.gold;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.workload.TestWorkloads;
import io.strata.workload.Workload;
import io.strata.workload.WorkloadOptions;
import io.strata.workload.WorkloadParams;
import io.strata.workload.oracle.Oracle;
import io.strata.workload.oracle.SilverChangeLog;
import io.strata.workload.oracle.SilverEntity;
import io.strata.workload.oracle.SilverVersion;
import io.strata.workload.oracle.gold.VaultRows.HubRow;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Gold oracle on a generated workload: its two feature paths agree, and it is deterministic.
 */
class GeneratedGoldTest {

    /** Arrivals spread over about three months, so the 30-, 60- and 90-day windows all matter. */
    private static final WorkloadParams PARAMS =
            TestWorkloads.small(17, 20_000)
                    .set(WorkloadOptions.ARRIVAL_INTERVAL, Duration.ofMinutes(30))
                    .build();

    private static List<SilverVersion> changeLog;
    private static GoldOracle gold;

    @BeforeAll
    static void compute() {
        changeLog = changeLog(PARAMS);
        gold = GoldOracle.of(changeLog);
    }

    @Test
    void everyHistoryRowIsTheFeaturesAsOfEachInstantItIsValid() {
        List<FeatureRow> history = gold.featureHistory();
        assertThat(history).hasSizeGreaterThan(1_000);
        assertThat(history).anyMatch(r -> r.openSupportTickets() > 0);
        assertThat(history).anyMatch(r -> r.returnRate90d() != null && r.returnRate90d() > 0);
        assertThat(history).anyMatch(r -> r.purchaseTrend() != null);
        assertThat(history)
                .anyMatch(r -> r.avgOrderValue30d() == null && r.lifetimeOrderCount() > 0);

        FeatureRow previous = null;
        for (FeatureRow row : history) {
            String tenant = row.tenantId();
            String customer = row.customerKey();
            assertThat(gold.featuresAsOf(tenant, customer, row.validFrom())).contains(row);
            if (row.validTo() != null) {
                assertThat(gold.featuresAsOf(tenant, customer, row.validTo().minusMillis(1)))
                        .contains(row);
            }
            boolean first =
                    previous == null
                            || !previous.tenantId().equals(tenant)
                            || !previous.customerKey().equals(customer);
            Instant before = row.validFrom().minusMillis(1);
            if (first) {
                assertThat(gold.featuresAsOf(tenant, customer, before)).isEmpty();
            } else {
                assertThat(previous.validTo()).isEqualTo(row.validFrom());
                assertThat(gold.featuresAsOf(tenant, customer, before)).contains(previous);
            }
            previous = row;
        }
    }

    @Test
    void currentRowsAreTheFeaturesAsOfTheEnd() {
        Instant end = Instant.parse("9999-01-01T00:00:00Z");
        for (FeatureRow row : gold.currentFeatures()) {
            assertThat(gold.featuresAsOf(row.tenantId(), row.customerKey(), end)).contains(row);
        }
        Set<String> customers =
                gold.featureHistory().stream()
                        .map(r -> r.tenantId() + '|' + r.customerKey())
                        .collect(Collectors.toSet());
        assertThat(gold.currentFeatures()).hasSize(customers.size());
    }

    @Test
    void everyLinkAndSatelliteKeyIsInItsHub() {
        GoldVault vault = gold.vault();
        Set<String> customers = keys(vault.hubCustomer());
        Set<String> products = keys(vault.hubProduct());
        Set<String> orders = keys(vault.hubOrder());

        assertThat(vault.linkCustomerOrder())
                .allSatisfy(
                        l -> {
                            assertThat(customers).contains(l.customerHk());
                            assertThat(orders).contains(l.orderHk());
                        });
        assertThat(vault.linkOrderProduct())
                .allSatisfy(
                        l -> {
                            assertThat(orders).contains(l.orderHk());
                            assertThat(products).contains(l.productHk());
                        });
        assertThat(vault.satCustomerDetails())
                .allSatisfy(s -> assertThat(customers).contains(s.customerHk()));
        assertThat(vault.satProductDetails())
                .allSatisfy(s -> assertThat(products).contains(s.productHk()));
        assertThat(vault.satOrderHeader()).anyMatch(VaultRows.OrderHeader::deleted);
        long liveOrderKeys =
                changeLog.stream()
                        .filter(v -> v.entity() == SilverEntity.ORDER && !v.deleted())
                        .map(SilverVersion::kafkaKey)
                        .distinct()
                        .count();
        assertThat(vault.hubOrder()).hasSize((int) liveOrderKeys + 1);
    }

    @Test
    void sameSeedSameResultOtherSeedOtherResult() {
        String checksum = checksum(gold);

        assertThat(checksum(GoldOracle.of(changeLog(PARAMS)))).isEqualTo(checksum);
        assertThat(checksum(GoldOracle.of(changeLog(PARAMS.toBuilder().seed(18).build()))))
                .isNotEqualTo(checksum);
    }

    private static List<SilverVersion> changeLog(WorkloadParams params) {
        SilverChangeLog log = new SilverChangeLog();
        Workload w = Workload.of(params);
        Oracle.compute(w.records(), w.oracleOptions(), log);
        return log.versions();
    }

    private static Set<String> keys(List<HubRow> hub) {
        return hub.stream().map(HubRow::hashKey).collect(Collectors.toSet());
    }

    /** SHA-256 over every expected row's text (records print every value). */
    private static String checksum(GoldOracle g) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(g.vault().toString().getBytes(StandardCharsets.UTF_8));
            sha.update(g.featureHistory().toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
