package io.strata.quality;

import io.strata.model.silver.Customer;
import io.strata.model.silver.EntityMeta;
import io.strata.model.silver.Order;
import io.strata.quality.rules.QualityRules;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.apache.flink.configuration.Configuration;

/** Silver rows and rules as the rule tests need them. */
public final class SilverRowsForTests {

    private SilverRowsForTests() {}

    /** The default rules of every tenant. */
    public static QualityRules defaultRules() {
        return new QualityRules(QualityRules.defaults(new Configuration()), Map.of());
    }

    public static EntityMeta meta(String tenant, long eventTime) {
        return EntityMeta.newBuilder()
                .setTenantId(tenant)
                .setApp("commerce")
                .setSchemaVersion("1.0")
                .setConfigVersion("test")
                .setEventTime(Instant.ofEpochMilli(eventTime))
                .setSourceEventId("e-" + eventTime)
                .setSourcePosition("raw/0/" + eventTime)
                .setHashDiff("")
                .setProcessedAt(Instant.EPOCH)
                .setManifestId("SILVER/" + tenant + "/raw.webhooks/silver-conform:1")
                .build();
    }

    public static Order order(
            String tenant, String orderKey, String customerKey, String total, long eventTime) {
        return Order.newBuilder()
                .setMeta(meta(tenant, eventTime))
                .setOrderKey(orderKey)
                .setCustomerKey(customerKey)
                .setOrderTime(Instant.ofEpochMilli(eventTime))
                .setStatus("placed")
                .setChannel("web")
                .setCurrency("USD")
                .setTotalAmount(total == null ? null : new BigDecimal(total))
                .build();
    }

    public static Customer customer(
            String tenant, String customerKey, String name, String email, long eventTime) {
        return Customer.newBuilder()
                .setMeta(meta(tenant, eventTime))
                .setCustomerKey(customerKey)
                .setName(name)
                .setEmail(email)
                .build();
    }
}
