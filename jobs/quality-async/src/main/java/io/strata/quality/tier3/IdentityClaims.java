package io.strata.quality.tier3;

import io.strata.model.silver.Customer;
import io.strata.quality.rules.QualityRules;
import io.strata.quality.rules.TenantRules.Duplicates;
import io.strata.quality.rules.TenantRules.Identity;
import java.util.Locale;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/**
 * The identities a customer row claims, as its tenant's duplicate rule matches them: the email
 * trimmed and lower-cased, the name also with inner whitespace collapsed; blank values claim
 * nothing.
 */
public final class IdentityClaims implements FlatMapFunction<Customer, IdentityClaim> {

    private static final long serialVersionUID = 1L;

    private final QualityRules rules;

    public IdentityClaims(QualityRules rules) {
        this.rules = rules;
    }

    @Override
    public void flatMap(Customer c, Collector<IdentityClaim> out) {
        Duplicates rule = rules.of(c.getMeta().getTenantId()).duplicates();
        if (!rule.enabled()) {
            return;
        }
        for (Identity identity : rule.match()) {
            String value = normalize(identity == Identity.EMAIL ? c.getEmail() : c.getName());
            if (value != null) {
                out.collect(
                        new IdentityClaim(
                                c.getMeta().getTenantId(),
                                identity.name().toLowerCase(Locale.ROOT),
                                value,
                                c.getCustomerKey(),
                                c.getMeta().getManifestId(),
                                c.getMeta().getEventTime().toEpochMilli()));
            }
        }
    }

    /** Trimmed, lower-cased, inner whitespace collapsed; null when blank. */
    static String normalize(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return value.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }
}
