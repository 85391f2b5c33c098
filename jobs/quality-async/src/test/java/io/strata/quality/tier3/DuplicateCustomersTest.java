package io.strata.quality.tier3;

import static io.strata.quality.SilverRowsForTests.customer;
import static io.strata.quality.SilverRowsForTests.defaultRules;
import static org.assertj.core.api.Assertions.assertThat;

import io.strata.model.ops.QualityResult;
import io.strata.model.silver.Customer;
import io.strata.quality.QualityAsyncOptions;
import io.strata.quality.rules.QualityRules;
import io.strata.quality.rules.TenantRules.Identity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DuplicateCustomersTest {

    private static final long T0 = Instant.parse("2026-03-01T10:00:00Z").toEpochMilli();

    private KeyedOneInputStreamOperatorTestHarness<String, IdentityClaim, QualityResult> harness;
    private IdentityClaims claims;

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void distinctCustomersAndVersionsOfOneAreNoFinding() throws Exception {
        open(defaultRules());
        send(customer("acme", "c-1", "Ann Lee", "ann.lee1@x.com", T0));
        send(customer("acme", "c-1", "Ann Lee", "ann.lee1@x.com", T0 + 1));
        send(customer("acme", "c-2", "Ann Lee", "ann.lee2@x.com", T0 + 2)); // names: off
        send(customer("globex", "c-9", "Ann Lee", "ann.lee1@x.com", T0 + 3)); // other tenant
        send(customer("acme", "c-3", "Bo", null, T0 + 4));
        send(customer("acme", "c-4", "Cy", " ", T0 + 5));

        assertThat(harness.extractOutputValues()).isEmpty();
    }

    @Test
    void aNormalizedEmailUnderTwoKeysIsOneFindingNamingBoth() throws Exception {
        open(defaultRules());
        send(customer("acme", "c-7", "Ann Lee", "ann.lee1@x.com", T0));
        send(customer("acme", "guest-ann", "Ann Lee", "  Ann.Lee1@X.com ", T0 + 5));
        send(customer("acme", "guest-ann", "Ann Lee", "ann.lee1@x.com", T0 + 6));

        List<QualityResult> results = harness.extractOutputValues();
        assertThat(results).hasSize(1);
        QualityResult r = results.get(0);
        assertThat(r.getCheckId()).isEqualTo("quality.duplicate-customer:acme:email:c-7|guest-ann");
        assertThat(r.getTier()).isEqualTo(3);
        assertThat(r.getRule()).isEqualTo("quality.duplicate-customer");
        assertThat(r.getEntity()).isEqualTo("customer");
        assertThat(r.getField()).isEqualTo("email");
        assertThat(r.getMeasured()).isEqualTo(2.0);
        assertThat(r.getThreshold()).isEqualTo(1.0);
        assertThat(r.getKeys()).containsExactly("customer:c-7", "customer:guest-ann");
        assertThat(r.getDetectedAt()).isEqualTo(Instant.ofEpochMilli(T0 + 5));
        assertThat(r.getDetail())
                .isEqualTo("customers c-7 and guest-ann share a normalized email (2 keys with it)");
    }

    @Test
    void namesMatchWhenTheTenantsRulesSaySo() throws Exception {
        Configuration config = new Configuration();
        config.set(QualityAsyncOptions.DUPLICATES_MATCH, List.of(Identity.EMAIL, Identity.NAME));
        open(new QualityRules(QualityRules.defaults(config), Map.of()));
        send(customer("acme", "c-1", "Ann  Lee", "a@x.com", T0));
        send(customer("acme", "c-2", "ann lee ", "b@x.com", T0 + 1));

        assertThat(harness.extractOutputValues())
                .extracting(QualityResult::getCheckId)
                .containsExactly("quality.duplicate-customer:acme:name:c-1|c-2");
    }

    private void open(QualityRules rules) throws Exception {
        claims = new IdentityClaims(rules);
        harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(new DuplicateCustomers()),
                        IdentityClaim::groupKey,
                        Types.STRING);
        harness.open();
    }

    private void send(Customer c) throws Exception {
        List<IdentityClaim> out = new ArrayList<>();
        claims.flatMap(
                c,
                new Collector<>() {
                    @Override
                    public void collect(IdentityClaim claim) {
                        out.add(claim);
                    }

                    @Override
                    public void close() {}
                });
        for (IdentityClaim claim : out) {
            harness.processElement(claim, claim.eventTime);
        }
    }
}
