package io.strata.silver.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.model.QuarantineReason;
import io.strata.model.silver.Customer;
import io.strata.model.silver.Order;
import io.strata.model.silver.OrderLine;
import io.strata.model.silver.Product;
import io.strata.model.silver.SupportTicket;
import io.strata.silver.config.TenantConfig;
import io.strata.silver.config.TenantConfigs;
import io.strata.silver.testing.BronzeEvents;
import io.strata.silver.testing.TenantFiles;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A brand-new tenant with a payload shape no code knows is onboarded by adding one YAML file (test
 * resource {@code onboarding/hooli.yaml}): a running extractor refuses its records as
 * UNKNOWN_TENANT, is given the compiled file, and from then on conforms them, without a restart.
 */
class NewTenantOnboardingTest {

    private static final String PURCHASE =
            """
            {"txn": {"ref": "H-77", "ts": "2024-03-05 14:30:00 +0100", "lifecycle": {"stage": "P"},
              "money": {"mills": 25990},
              "buyer": {"loyalty_id": null, "display": " Rosa Diaz ", "tier": 7, "country": "es",
                "contacts": [{"type": "phone", "value": "+34-600"},
                             {"type": "email", "value": " Rosa.Diaz@Example.ES "}]},
              "referred_by": {"loyalty_id": "L-9", "display": "Jake"},
              "basket": {"entries": [
                {"seq": "a", "count": "2", "article": {"gtin": 40063813339310001, "label": "Tea", "mills": 5000}},
                {"seq": "b", "count": 3, "article": {"gtin": 40063813339310002, "label": "Cup", "mills": 5330}}]}}}
            """;

    private static final String CASE =
            """
            {"case": {"id": "C-1", "who": {"loyalty_id": "L-9", "display": "Jake"},
              "opened": 1709645400000, "closed": null, "state": "OPEN", "sev": "S9", "title": "Refund?"}}
            """;

    @Test
    void aNewTenantIsOnboardedByItsConfigurationFileAlone() throws IOException {
        SilverExtractor running = TenantFiles.extractor();
        var purchase = BronzeEvents.webhook("hooli", "2024-03", "purchase", "create", PURCHASE);
        assertThat(running.extract(purchase, BronzeEvents.PROCESSED_AT))
                .isInstanceOfSatisfying(
                        Extraction.Refused.class,
                        r -> assertThat(r.reason()).isEqualTo(QuarantineReason.UNKNOWN_TENANT));

        TenantConfig hooli =
                TenantConfigs.parse("onboarding/hooli.yaml", resource("/onboarding/hooli.yaml"))
                        .orThrow()
                        .get(0);
        running.register(TenantExtractionRules.compile(hooli));

        List<SilverRow> rows =
                ((Extraction.Rows) running.extract(purchase, BronzeEvents.PROCESSED_AT)).rows();
        assertThat(rows)
                .extracting(r -> r.entity().entityName() + " " + r.key())
                .containsExactly(
                        "customer rosa.diaz@example.es",
                        "customer L-9",
                        "order H-77",
                        "product 40063813339310001",
                        "order_line H-77\u001Fa",
                        "product 40063813339310002",
                        "order_line H-77\u001Fb");
        assertThat(rows.get(0).as(Customer.class))
                .isEqualTo(
                        new Customer(
                                rows.get(0).meta(),
                                "rosa.diaz@example.es",
                                "Rosa Diaz",
                                "rosa.diaz@example.es",
                                "+34-600",
                                null,
                                null,
                                "ES",
                                null));
        assertThat(rows.get(1).as(Customer.class).getName()).isEqualTo("Jake");
        assertThat(rows.get(2).as(Order.class))
                .isEqualTo(
                        new Order(
                                rows.get(2).meta(),
                                "H-77",
                                "rosa.diaz@example.es",
                                Instant.parse("2024-03-05T13:30:00Z"),
                                "placed",
                                "app",
                                "EUR",
                                new BigDecimal("25.99")));
        assertThat(rows.get(3).as(Product.class))
                .isEqualTo(
                        new Product(
                                rows.get(3).meta(),
                                "40063813339310001",
                                "Tea",
                                null,
                                new BigDecimal("5.00"),
                                "EUR"));
        assertThat(rows.get(6).as(OrderLine.class))
                .isEqualTo(
                        new OrderLine(
                                rows.get(6).meta(),
                                "H-77",
                                "b",
                                "40063813339310002",
                                3L,
                                new BigDecimal("5.33"),
                                null));
        assertThat(rows.get(4).as(OrderLine.class).getQuantity()).isEqualTo(2L);
        assertThat(rows)
                .allSatisfy(
                        r ->
                                assertThat(r.meta().getConfigVersion())
                                        .isEqualTo(hooli.configVersion()));

        String noReferrer = PURCHASE.replace("\"loyalty_id\": \"L-9\"", "\"loyalty_id\": null");
        assertThat(
                        ((Extraction.Rows)
                                        running.extract(
                                                BronzeEvents.webhook(
                                                        "hooli",
                                                        "2024-03",
                                                        "purchase",
                                                        "create",
                                                        noReferrer),
                                                BronzeEvents.PROCESSED_AT))
                                .rows())
                .extracting(r -> r.entity().entityName())
                .containsExactly(
                        "customer", "order", "product", "order_line", "product", "order_line");

        SilverRow ticket =
                ((Extraction.Rows)
                                running.extract(
                                        BronzeEvents.webhook(
                                                "hooli", "2024-03", "case", "create", CASE),
                                        BronzeEvents.PROCESSED_AT))
                        .rows()
                        .get(1);
        assertThat(ticket.as(SupportTicket.class))
                .isEqualTo(
                        new SupportTicket(
                                ticket.meta(),
                                "C-1",
                                "L-9",
                                Instant.parse("2024-03-05T13:30:00Z"),
                                null,
                                "open",
                                "S9",
                                "Refund?"));

        var delete =
                BronzeEvents.webhook(
                        "hooli", "2024-03", "purchase", "delete", "{\"txn\": {\"ref\": \"H-77\"}}");
        SilverRow tombstone =
                ((Extraction.Rows) running.extract(delete, BronzeEvents.PROCESSED_AT))
                        .rows()
                        .get(0);
        assertThat(tombstone.deleted()).isTrue();
        assertThat(tombstone.key()).isEqualTo("H-77");

        assertThat(
                        running.extract(
                                BronzeEvents.webhook(
                                        "acme",
                                        "1.0",
                                        "support_ticket",
                                        "delete",
                                        "{\"ticket\": {\"id\": \"T-1\"}}"),
                                BronzeEvents.PROCESSED_AT))
                .as("the other tenants are untouched")
                .isInstanceOf(Extraction.Rows.class);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = NewTenantOnboardingTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
