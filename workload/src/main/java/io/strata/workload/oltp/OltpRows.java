package io.strata.workload.oltp;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strata.workload.truth.TenantProfile;
import io.strata.workload.truth.Vocabulary;
import io.strata.workload.util.Rng;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/** Builds realistic rows of the OLTP tables from the seeded generator. */
final class OltpRows {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String[] PLANS = {"starter", "business", "enterprise"};
    private static final String[] TAGS = {"b2b", "vip", "newsletter", "wholesale", "churn-risk"};
    private static final String[] COLORS = {"black", "white", "red", "blue", "green"};
    private static final String[] LISTS = {"standard", "promo", "wholesale"};

    private OltpRows() {}

    static Object[] tenant(
            TenantProfile t, String region, String locale, int maxUsers, Instant at) {
        return new Object[] {
            t.id(),
            displayName(t.id()),
            PLANS[maxUsers % PLANS.length],
            region,
            settings(locale, maxUsers),
            true,
            at,
            at
        };
    }

    static ObjectNode settings(String locale, int maxUsers) {
        ObjectNode s = JSON.objectNode().put("locale", locale).put("max_users", maxUsers);
        s.putArray("features").add("webhooks").add("cdc");
        return s;
    }

    static Object[] customer(TenantProfile t, long id, Rng rng, Instant created, Instant updated) {
        String first = rng.pick(Vocabulary.FIRST_NAMES);
        String last = rng.pick(Vocabulary.LAST_NAMES);
        String[] city = rng.pick(Vocabulary.CITIES);
        return new Object[] {
            t.id(),
            id,
            t.platformCustomerKeys().format(id),
            first + " " + last,
            "account" + id + "@" + rng.pick(Vocabulary.EMAIL_DOMAINS),
            rng.chance(0.1) ? null : "+1-555-" + (1000 + rng.nextInt(9000)),
            rng.pick(Vocabulary.SEGMENTS),
            city[0],
            city[1],
            BigDecimal.valueOf(rng.between(0, 500) * 10_000L, 2),
            rng.chance(0.4),
            customerAttributes(rng),
            created,
            updated
        };
    }

    static ObjectNode customerAttributes(Rng rng) {
        ObjectNode a = JSON.objectNode().put("score", rng.nextInt(100));
        a.putArray("tags").add(rng.pick(TAGS));
        return a;
    }

    static Object[] product(TenantProfile t, long id, Rng rng, Instant created, Instant updated) {
        String name =
                rng.pick(Vocabulary.ADJECTIVES)
                        + " "
                        + rng.pick(Vocabulary.NOUNS)
                        + " "
                        + (100 + rng.nextInt(900));
        return new Object[] {
            t.id(),
            id,
            t.platformProductKeys().format(id),
            name,
            rng.pick(Vocabulary.CATEGORIES),
            BigDecimal.valueOf(rng.between(199, 49_999), 2),
            t.currency(),
            true,
            productAttributes(rng),
            created,
            updated
        };
    }

    static ObjectNode productAttributes(Rng rng) {
        return JSON.objectNode()
                .put("color", rng.pick(COLORS))
                .put("weight_g", 100 + rng.nextInt(5000));
    }

    static Object[] priceList(
            TenantProfile t, long id, long productId, BigDecimal basePrice, Rng rng, Instant at) {
        String list = rng.pick(LISTS);
        BigDecimal factor = list.equals("standard") ? BigDecimal.ONE : new BigDecimal("0.90");
        Instant validTo = rng.chance(0.5) ? null : at.plusSeconds(86_400L * (1 + rng.nextInt(90)));
        return new Object[] {
            t.id(),
            id,
            productId,
            list,
            t.currency(),
            basePrice.multiply(factor).setScale(2, RoundingMode.HALF_EVEN),
            list.equals("wholesale") ? 10 : 1,
            at,
            validTo,
            at
        };
    }

    private static String displayName(String tenantId) {
        return Character.toUpperCase(tenantId.charAt(0)) + tenantId.substring(1) + " Inc.";
    }
}
