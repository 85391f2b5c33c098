package io.strata.silver.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.strata.model.QuarantineReason;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fast path reader agrees with Jayway on every path it accepts, and leaves every other path to
 * Jayway.
 */
class SimplePathTest {

    private static final String DOC =
            """
            {"order": {"id": "SO-1", "no": 9007199254740994, "total": 19.90, "gone": null,
                       "items": [{"sku": "A", "qty": 2, "tags": ["x", "y"]},
                                 {"sku": "B", "qty": 1, "tags": []}],
                       "odd name": {"k-1": true}, "empty": []},
             "list": [1, 2, 3]}
            """;

    private static JsonNode root() throws Tier1Failure {
        return Payloads.parse(DOC);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "$.order.id",
                "$.order.no",
                "$.order.total",
                "$.order.gone",
                "$.order.missing",
                "$.order.id.deeper",
                "$.order.items[0].sku",
                "$.order.items[1].qty",
                "$.order.items[5].sku",
                "$.order.items.sku",
                "$.order['odd name']['k-1']",
                "$['order'][\"id\"]",
                "$.list[2]",
                "$.list[3]",
                "$.order.empty[0]",
                "$.order",
                "$.order.items",
                "$.order.items[*]",
                "$.order.items[*].sku",
                "$.list[*]",
                "$.order.items[*].tags[*]",
                "$.order.items[1].tags[*]",
                "$.order.missing[*]",
                "$.order.*",
                "$..sku",
                "$.order.items[?(@.qty > 1)].sku",
                "$.list[-1]",
                "$.list[0:2]",
                "$.order.items[0]['sku','qty']",
                "@.sku",
                "@.tags[0]"
            })
    void fastReaderAgreesWithJayway(String path) throws Tier1Failure {
        JsonNode root = root();
        JsonNode current = root.at("/order/items/0");
        PathReader jayway = new JaywayPath(path);
        PathReader reader = JaywayPath.compile(path);
        List<JsonNode> expected = new ArrayList<>();
        jayway.all(root, current, expected);
        List<JsonNode> actual = new ArrayList<>();
        reader.all(root, current, actual);
        assertThat(actual).as(path).isEqualTo(expected);
        if (expected.size() <= 1) {
            assertThat(reader.one(root, current)).as(path).isEqualTo(jayway.one(root, current));
        }
    }

    @Test
    void simplePathsTakeTheFastReader() {
        assertThat(JaywayPath.compile("$.order.items[0]['odd name']"))
                .isInstanceOf(SimplePath.class);
        assertThat(JaywayPath.compile("@.a[*].b")).isInstanceOf(SimplePath.class);
        assertThat(JaywayPath.compile("$..sku")).isInstanceOf(JaywayPath.class);
        assertThat(JaywayPath.compile("$.a[?(@.b)]")).isInstanceOf(JaywayPath.class);
        assertThat(JaywayPath.compile("$.a[-1]")).isInstanceOf(JaywayPath.class);
        assertThat(JaywayPath.compile("$.a[0:2]")).isInstanceOf(JaywayPath.class);
    }

    @Test
    void severalValuesWhereOneIsExpectedIsACoercionFailure() throws Tier1Failure {
        JsonNode root = root();
        for (String path : List.of("$.order.items[*].sku", "$..sku")) {
            assertThatThrownBy(() -> JaywayPath.compile(path).one(root, root))
                    .isInstanceOfSatisfying(
                            Tier1Failure.class,
                            f -> {
                                assertThat(f.reason())
                                        .isEqualTo(QuarantineReason.TYPE_COERCION_FAILED);
                                assertThat(f.detail())
                                        .isEqualTo(path + " yields 2 values where one is expected");
                            });
        }
        assertThat(JaywayPath.compile("$.order.items[?(@.qty > 1)].sku").one(root, root).asText())
                .isEqualTo("A");
    }
}
