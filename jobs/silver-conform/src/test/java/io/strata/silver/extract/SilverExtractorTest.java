package io.strata.silver.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.model.QuarantineReason;
import io.strata.model.bronze.BronzeEvent;
import io.strata.model.silver.Customer;
import io.strata.model.silver.Product;
import io.strata.silver.config.CanonicalEntity;
import io.strata.silver.testing.BronzeEvents;
import io.strata.silver.testing.TenantFiles;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Which rules a Bronze event gets (tenant, application, schema version, record type, CDC table),
 * what happens when there are none, and CDC row images mapped like webhook payloads.
 */
class SilverExtractorTest {

    private static final SilverExtractor EXTRACTOR = TenantFiles.extractor();
    private static final Instant COMMIT = Instant.parse("2024-01-02T03:04:05.678Z");

    private static Extraction extract(BronzeEvent e) {
        return EXTRACTOR.extract(e, BronzeEvents.PROCESSED_AT);
    }

    private static Extraction.Refused refused(BronzeEvent e) {
        assertThat(extract(e)).isInstanceOf(Extraction.Refused.class);
        return (Extraction.Refused) extract(e);
    }

    @Test
    void unknownTenantVersionApplicationAndRecordTypeAreRefusedWithTheirReason() {
        String order = "{\"order\": {\"id\": \"SO-1\"}}";
        assertThat(refused(BronzeEvents.webhook("umbrella", "1.0", "sales_order", "create", order)))
                .isEqualTo(
                        new Extraction.Refused(
                                QuarantineReason.UNKNOWN_TENANT,
                                "no configuration for tenant 'umbrella'",
                                null,
                                null));
        String acmeVersion = EXTRACTOR.rules("acme").configVersion();
        assertThat(refused(BronzeEvents.webhook("acme", "99.0", "sales_order", "create", order)))
                .isEqualTo(
                        new Extraction.Refused(
                                QuarantineReason.UNKNOWN_SCHEMA_VERSION,
                                "tenant 'acme' has no schema version '99.0' (configured: [1.0])",
                                acmeVersion,
                                null));
        assertThat(refused(BronzeEvents.webhook("acme", "1.0", "refund", "create", order)))
                .isEqualTo(
                        new Extraction.Refused(
                                QuarantineReason.UNKNOWN_RECORD_TYPE,
                                "tenant 'acme' schema version 1.0 has no record type 'refund'",
                                acmeVersion,
                                null));
        BronzeEvent otherApp =
                BronzeEvents.webhook(
                        "acme",
                        "crm",
                        "sales_order",
                        "1.0",
                        "create",
                        "e-1",
                        COMMIT,
                        "{\"payload\": " + order + "}",
                        1);
        assertThat(refused(otherApp).reason()).isEqualTo(QuarantineReason.UNKNOWN_TENANT);
        assertThat(refused(otherApp).detail())
                .isEqualTo("tenant 'acme' is configured for application 'commerce', not 'crm'");
    }

    @Test
    void garbageNeverThrows() {
        for (String payload :
                new String[] {
                    "[]",
                    "\"x\"",
                    "{}",
                    "{\"order\": []}",
                    "{\"order\": {\"id\": {\"deep\": 1}}}",
                    "{\"order\": {\"id\": \"SO-1\", \"items\": 7}}"
                }) {
            assertThat(
                            extract(
                                    BronzeEvents.webhook(
                                            "acme", "1.0", "sales_order", "create", payload)))
                    .as(payload)
                    .isInstanceOf(Extraction.Refused.class);
        }
        BronzeEvent notJson =
                BronzeEvents.webhook(
                        "acme",
                        "commerce",
                        "sales_order",
                        "1.0",
                        "create",
                        "e-1",
                        COMMIT,
                        "{\"payload\": {",
                        1);
        assertThat(refused(notJson).reason()).isEqualTo(QuarantineReason.INVALID_JSON);
    }

    @Test
    void cdcRowImagesMapToCanonicalEntities() {
        String row =
                "{\"tenant_id\": \"globex\", \"customer_id\": 7, \"external_ref\": \"10007\","
                        + " \"full_name\": \"Ada Byron\", \"email\": \" Ada@Example.org \", \"phone\": null,"
                        + " \"segment\": \"gold\", \"city\": \"London\", \"country_code\": \"GB\","
                        + " \"credit_limit\": \"1500.00\", \"marketing_opt_in\": true,"
                        + " \"attributes\": \"{\\\"score\\\": 3}\", \"created_at\": \"2023-01-01T10:00:00.123456Z\","
                        + " \"updated_at\": \"2023-06-01T10:00:00Z\"}";
        String change =
                "{\"before\": null, \"after\": "
                        + row
                        + ", \"op\": \"c\", \"source\":"
                        + " {\"schema\": \"platform\", \"table\": \"customers\", \"lsn\": 42}, \"ts_ms\": 1}";
        Extraction x =
                extract(BronzeEvents.cdc("globex", "platform.customers", "c", change, COMMIT, 42));

        SilverRow r = ((Extraction.Rows) x).rows().get(0);
        assertThat(r.entity()).isEqualTo(CanonicalEntity.CUSTOMER);
        assertThat(r.master()).isTrue();
        assertThat(r.as(Customer.class))
                .isEqualTo(
                        new Customer(
                                r.meta(),
                                "10007",
                                "Ada Byron",
                                "ada@example.org",
                                null,
                                "gold",
                                "London",
                                "GB",
                                Instant.parse("2023-01-01T10:00:00.123Z")));
        assertThat(r.meta().getSchemaVersion()).isEqualTo("cdc");
        assertThat(r.meta().getSourcePosition()).isEqualTo("cdc.platform.customers/0/42");

        // Kafka Connect's {schema, payload} wrapping is unwrapped; a delete reads the before image
        String delete =
                "{\"schema\": {}, \"payload\": {\"before\": "
                        + row
                        + ", \"after\": null, \"op\": \"d\", \"source\": {\"lsn\": 43}}}";
        Extraction d =
                extract(BronzeEvents.cdc("globex", "platform.customers", "d", delete, COMMIT, 43));
        SilverRow tombstone = ((Extraction.Rows) d).rows().get(0);
        assertThat(tombstone.deleted()).isTrue();
        assertThat(tombstone.key()).isEqualTo("10007");
        assertThat(tombstone.meta().getDeleted()).isTrue();
    }

    @Test
    void cdcProductsSnapshotsAndIgnoredTables() {
        String row =
                "{\"tenant_id\": \"initech\", \"product_id\": 3, \"sku\": \"ART-000003\","
                        + " \"name\": \"Steel Lamp 100\", \"category\": \"home\", \"unit_price\": \"12.5\","
                        + " \"currency\": \"GBP\", \"active\": true}";
        String snapshot =
                "{\"before\": null, \"after\": " + row + ", \"op\": \"r\", \"source\": {}}";
        SilverRow p =
                ((Extraction.Rows)
                                extract(
                                        BronzeEvents.cdc(
                                                "initech",
                                                "platform.products",
                                                "r",
                                                snapshot,
                                                COMMIT,
                                                1)))
                        .rows()
                        .get(0);
        assertThat(p.as(Product.class).getUnitPrice()).isEqualByComparingTo("12.50");
        assertThat(p.as(Product.class).getUnitPrice().scale()).isEqualTo(2);

        assertThat(
                        extract(
                                BronzeEvents.cdc(
                                        "initech",
                                        "platform.price_lists",
                                        "u",
                                        snapshot,
                                        COMMIT,
                                        2)))
                .isEqualTo(
                        new Extraction.Ignored(
                                "initech cdc platform.price_lists is ignored by the configuration"));
        Extraction.Refused unknown =
                refused(BronzeEvents.cdc("initech", "platform.orders", "c", snapshot, COMMIT, 3));
        assertThat(unknown.reason()).isEqualTo(QuarantineReason.UNKNOWN_RECORD_TYPE);
        assertThat(unknown.detail())
                .isEqualTo(
                        "tenant 'initech' has no cdc table 'platform.orders'"
                                + " (configured: [platform.customers, platform.price_lists, platform.products, platform.tenants])");
        Extraction.Refused noImage =
                refused(
                        BronzeEvents.cdc(
                                "initech",
                                "platform.products",
                                "u",
                                "{\"before\": null, \"after\": null, \"op\": \"u\"}",
                                COMMIT,
                                4));
        assertThat(noImage.reason()).isEqualTo(QuarantineReason.MISSING_REQUIRED_FIELD);
        assertThat(noImage.detail())
                .isEqualTo(
                        "initech cdc platform.products: the change event has no 'after' row image");
    }

    @Test
    void aLineKnowsItsOrderSoDeletingTheOrderDeletesIt() {
        String order =
                "{\"document\": {\"number\": \"ORD-9\", \"date\": \"01.01.2024 09:00:00\","
                        + " \"totals\": {\"currency\": \"GBP\", \"gross\": \"1.00\"}},"
                        + " \"party\": {\"account_no\": \"ACC-1\", \"emails\": [], \"phones\": []},"
                        + " \"positions\": [{\"pos\": 10, \"article\": {\"number\": \"ART-1\", \"list_price\": \"1.00\"},"
                        + " \"quantity\": 1, \"price\": \"1.00\", \"net\": \"1.00\"}]}";
        var rows =
                ((Extraction.Rows)
                                extract(
                                        BronzeEvents.webhook(
                                                "initech", "3.2", "sales_order", "create", order)))
                        .rows();
        SilverRow line =
                rows.stream()
                        .filter(r -> r.entity() == CanonicalEntity.ORDER_LINE)
                        .findFirst()
                        .orElseThrow();
        assertThat(line.key()).isEqualTo("ORD-9\u001F10");
        assertThat(line.parentKey()).isEqualTo("ORD-9");
        assertThat(CanonicalEntity.ORDER_LINE.parent()).isEqualTo(CanonicalEntity.ORDER);
    }
}
