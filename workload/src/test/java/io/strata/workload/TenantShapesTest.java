package io.strata.workload;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.strata.workload.raw.RawRecord;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The same application's payloads differ per tenant in shape, naming, types and formats. */
class TenantShapesTest {

    private static final BigInteger TWO_POW_53 = BigInteger.TWO.pow(53);

    /** Valid create/update sales orders by "tenant/schema_version". */
    private static final Map<String, List<JsonNode>> ORDERS = new HashMap<>();

    @BeforeAll
    static void render() {
        WorkloadParams params = TestWorkloads.small(11, 6_000).clean().build();
        for (RawRecord r : TestWorkloads.records(params)) {
            JsonNode envelope = TestWorkloads.parse(r.value());
            if (envelope.get("record_type").asText().equals("sales_order")
                    && !envelope.get("op").asText().equals("delete")) {
                String version =
                        envelope.get("tenant_id").asText()
                                + "/"
                                + envelope.get("schema_version").asText();
                ORDERS.computeIfAbsent(version, v -> new ArrayList<>()).add(envelope);
            }
        }
    }

    @Test
    void everyTenantAndSchemaVersionIsPresent() {
        assertThat(ORDERS).containsOnlyKeys("acme/1.0", "globex/1", "globex/2", "initech/3.2");
        ORDERS.values().forEach(list -> assertThat(list).hasSizeGreaterThan(50));
    }

    @Test
    void envelopeIsTheSameForEveryTenant() {
        ORDERS.values()
                .forEach(
                        list ->
                                list.forEach(
                                        e -> {
                                            assertThat(fieldNames(e))
                                                    .containsExactly(
                                                            "tenant_id",
                                                            "app",
                                                            "record_type",
                                                            "schema_version",
                                                            "event_id",
                                                            "event_time",
                                                            "op",
                                                            "payload");
                                            assertThat(e.get("event_time").asText())
                                                    .matches(
                                                            "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
                                            assertThat(e.get("app").asText()).isEqualTo("commerce");
                                        }));
    }

    @Test
    void acmeNestsCustomerAndItemsWithDecimalNumbersAndIsoOffsetTimes() {
        for (JsonNode e : ORDERS.get("acme/1.0")) {
            JsonNode order = e.at("/payload/order");
            assertThat(order.get("items").isArray()).isTrue();
            assertThat(order.at("/items/0/product/sku").asText()).startsWith("SKU-");
            assertThat(order.get("total").isNumber()).isTrue();
            assertThat(order.get("placed_at").asText())
                    .matches(".*T\\d\\d:\\d\\d:\\d\\d\\.\\d{3}-05:00");
            assertThat(order.at("/customer/address/city").isTextual()).isTrue();
        }
    }

    @Test
    void acmeHasGuestCustomersWithoutIdKeyedByHandTypedEmail() {
        List<JsonNode> guests =
                ORDERS.get("acme/1.0").stream()
                        .map(e -> e.at("/payload/order/customer"))
                        .filter(c -> c.path("guest").asBoolean())
                        .toList();
        assertThat(guests).isNotEmpty();
        guests.forEach(c -> assertThat(c.has("id")).isFalse());
        assertThat(guests)
                .anyMatch(
                        c ->
                                !c.get("email")
                                        .asText()
                                        .equals(c.get("email").asText().trim().toLowerCase()));
    }

    @Test
    void globexV1IsFlatWithEpochMillisMinorUnitsAndOrderNumbersBeyond2Pow53() {
        for (JsonNode e : ORDERS.get("globex/1")) {
            JsonNode p = e.get("payload");
            assertThat(p.get("orderNo").isIntegralNumber()).isTrue();
            assertThat(p.get("orderNo").bigIntegerValue()).isGreaterThan(TWO_POW_53);
            assertThat(p.get("created_ms").asLong()).isGreaterThan(1_000_000_000_000L);
            assertThat(p.get("total_cents").isIntegralNumber()).isTrue();
            assertThat(p.has("cust_id")).isTrue();
            assertThat(p.has("buyer")).isFalse();
        }
    }

    @Test
    void globexV2MovedTheCustomerIntoBuyerAndUsesEpochSeconds() {
        for (JsonNode e : ORDERS.get("globex/2")) {
            JsonNode p = e.get("payload");
            assertThat(p.get("orderNo").bigIntegerValue()).isGreaterThan(TWO_POW_53);
            assertThat(p.get("created").asLong()).isBetween(1_000_000_000L, 9_999_999_999L);
            assertThat(p.at("/buyer/contact/email").isTextual()).isTrue();
            assertThat(p.at("/amounts/total_minor").isIntegralNumber()).isTrue();
            assertThat(p.at("/lines/0/item/sku").isTextual()).isTrue();
            assertThat(p.has("cust_id")).isFalse();
        }
    }

    @Test
    void initechUsesDocumentsPositionsStringAmountsAndACustomDatePattern() {
        for (JsonNode e : ORDERS.get("initech/3.2")) {
            JsonNode p = e.get("payload");
            assertThat(p.at("/document/date").asText())
                    .matches("\\d\\d\\.\\d\\d\\.\\d{4} \\d\\d:\\d\\d:\\d\\d");
            assertThat(p.at("/document/totals/gross").isTextual()).isTrue();
            assertThat(p.at("/document/totals/gross").asText()).matches("\\d+\\.\\d\\d");
            assertThat(p.at("/party/emails").isArray()).isTrue();
            assertThat(p.at("/party/customer_since").asText())
                    .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d");
            assertThat(p.at("/positions/0/pos").asInt()).isEqualTo(10);
        }
    }

    @Test
    void theSameApplicationHasDifferentTopLevelShapesPerTenant() {
        Set<List<String>> shapes = new HashSet<>();
        ORDERS.forEach((version, list) -> shapes.add(fieldNames(list.get(0).get("payload"))));
        assertThat(shapes).hasSize(4);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
