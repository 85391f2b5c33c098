package io.strata.silver.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.model.silver.ProductReturn;
import io.strata.silver.config.ConfigLoad;
import io.strata.silver.config.TenantConfigs;
import io.strata.silver.testing.BronzeEvents;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every coercion and value rule on one field of a canonical entity: the rule as written in YAML, a
 * payload value, and the canonical value (or the refusal) it gives.
 */
class FieldRuleTest {

    /**
     * Extracts {@code field} of a product_return whose rule is {@code rule} from a payload {@code
     * {"id": "R-1", "v": <json>, "w": <json2>}}; the tenant's zone is Asia/Tokyo.
     */
    static String extract(String field, String rule, String json) {
        String others =
                field.equals("return_time")
                        ? ""
                        : "          return_time: {const: \"2024-01-01T00:00:00Z\"}\n";
        String yaml =
                "tenant: probe\napplication: commerce\ndefaults: {zone: Asia/Tokyo}\n"
                        + "versions:\n  \"1\":\n    return:\n      product_return:\n"
                        + "        key: $.id\n        fields:\n"
                        + others
                        + "          "
                        + field
                        + ": "
                        + rule
                        + "\n";
        ConfigLoad load = TenantConfigs.parse("probe.yaml", yaml);
        assertThat(load.errors()).isEmpty();
        SilverExtractor x = SilverExtractor.of(load.configs());
        String payload = "{\"id\": \"R-1\", \"v\": " + json + "}";
        Extraction e =
                x.extract(
                        BronzeEvents.webhook("probe", "1", "return", "create", payload),
                        BronzeEvents.PROCESSED_AT);
        if (e instanceof Extraction.Refused r) {
            return r.reason() + ": " + r.detail().substring(r.detail().indexOf('→') + 2);
        }
        ProductReturn row = ((Extraction.Rows) e).rows().get(0).as(ProductReturn.class);
        return String.valueOf(row.get(ProductReturn.getClassSchema().getField(field).pos()));
    }

    @ParameterizedTest(name = "{0}: {1} on {2}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                // decimals: numbers or strings, exactly at the column's scale
                "refund_amount | $.v | 19.9 | 19.90",
                "refund_amount | $.v | 20 | 20.00",
                "refund_amount | $.v | ` \" 20.5 \"` | 20.50",
                "refund_amount | {path: $.v, minor_units: true} | 2090 | 20.90",
                "refund_amount | {path: $.v, minor_units: true} | `\"2090\"` | 20.90",
                "refund_amount | {path: $.v, minor_units: true, scale: 3} | 20900 | 20.90",
                "refund_amount | {path: $.v, minor_units: true} | 20.5"
                        + " | TYPE_COERCION_FAILED: product_return.refund_amount ($.v): cannot read 20.5 as a whole amount of minor units",
                "refund_amount | $.v | 19.999"
                        + " | TYPE_COERCION_FAILED: product_return.refund_amount ($.v): 19.999 has more than 2 decimal places",
                "refund_amount | {path: $.v, rounding: half_up} | 19.995 | 20.00",
                "refund_amount | $.v | 1234567890123456789"
                        + " | TYPE_COERCION_FAILED: product_return.refund_amount ($.v): 1234567890123456789 does not fit decimal(18,2)",
                "refund_amount | $.v | `\"12,50\"`"
                        + " | TYPE_COERCION_FAILED: product_return.refund_amount ($.v): cannot read '12,50' as a decimal(18,2)",
                // integers: exact, also beyond 2^53, from numbers or numeric strings
                "quantity | $.v | 9007199254740993 | 9007199254740993",
                "quantity | $.v | `\"42\"` | 42",
                "quantity | $.v | 2.0 | 2",
                "quantity | {path: $.v, type: int} | 2.5"
                        + " | TYPE_COERCION_FAILED: product_return.quantity ($.v): cannot read 2.5 as an integer",
                "quantity | $.v | 99999999999999999999"
                        + " | TYPE_COERCION_FAILED: product_return.quantity ($.v): cannot read 99999999999999999999 as an integer",
                // strings: numbers exactly as written, keys beyond 2^53 included
                "reason | $.v | 9007199254740993 | 9007199254740993",
                "reason | $.v | 12.50 | 12.50",
                "reason | $.v | true | true",
                "reason | $.v | `{\"a\": 1}`"
                        + " | TYPE_COERCION_FAILED: product_return.reason ($.v): cannot read an object as a string (it is not a scalar)",
                // timestamps
                "return_time | $.v | `\"2023-12-31T19:00:02.555-05:00\"` | 2024-01-01T00:00:02.555Z",
                "return_time | $.v | `\"2024-01-01T00:00:02Z\"` | 2024-01-01T00:00:02Z",
                "return_time | $.v | `\"2024-01-01T09:00:00\"` | 2024-01-01T00:00:00Z",
                "return_time | {path: $.v, zone: Europe/Berlin} | `\"2024-07-01T12:00:00\"` | 2024-07-01T10:00:00Z",
                "return_time | $.v | `\"2024-01-01\"` | 2023-12-31T15:00:00Z",
                "return_time | $.v | `\"2024-01-01T00:00:00.123456Z\"` | 2024-01-01T00:00:00.123Z",
                "return_time | $.v | `\"2024-01-01T00:00:00+0100\"` | 2023-12-31T23:00:00Z",
                "return_time | {path: $.v, format: epoch_seconds} | 1704067200 | 2024-01-01T00:00:00Z",
                "return_time | {path: $.v, format: epoch_seconds} | `\"1704067200\"` | 2024-01-01T00:00:00Z",
                "return_time | {path: $.v, format: epoch_millis} | 1704067200123 | 2024-01-01T00:00:00.123Z",
                "return_time | {path: $.v, format: epoch_micros} | 1704067200123456 | 2024-01-01T00:00:00.123Z",
                "return_time | {path: $.v, pattern: \"dd.MM.yyyy HH:mm:ss\"} | `\"01.01.2024 09:00:01\"` | 2024-01-01T00:00:01Z",
                "return_time | {path: $.v, pattern: \"yyyy/MM/dd HH:mm XXX\"} | `\"2024/01/01 01:00 +01:00\"` | 2024-01-01T00:00:00Z",
                "return_time | {path: $.v, pattern: \"dd/MM/yyyy\"} | `\"02/01/2024\"` | 2024-01-01T15:00:00Z",
                "return_time | $.v | `\"not-a-date\"`"
                        + " | TYPE_COERCION_FAILED: product_return.return_time ($.v): cannot read 'not-a-date' as an ISO-8601 time",
                "return_time | {path: $.v, format: epoch_millis} | `\"soon\"`"
                        + " | TYPE_COERCION_FAILED: product_return.return_time ($.v): cannot read 'soon' as epoch milliseconds",
                "return_time | $.v | null"
                        + " | MISSING_REQUIRED_FIELD: product_return.return_time ($.v): missing",
                "return_time | {path: $.v, default: \"2024-01-01T00:00:00Z\"} | null | 2024-01-01T00:00:00Z",
                // normalization, value maps, allowed values, constants, defaults, fallbacks
                "reason | {path: $.v, normalize: [trim, lower]} | `\"  Late \"` | late",
                "reason | {path: $.v, normalize: [trim, upper]} | `\" late\"` | LATE",
                "reason | {path: $.v, normalize: [trim, null_if_blank], default: none} | `\"   \"` | none",
                "reason | {path: $.v, map: {D: damaged, L: late}} | `\"D\"` | damaged",
                "reason | {path: $.v, map: {1: damaged, 2: late}} | 2 | late",
                "reason | {path: $.v, map: {D: damaged}} | `\"X\"`"
                        + " | TYPE_COERCION_FAILED: product_return.reason ($.v): 'X' is not in the value map [D]",
                "reason | {path: $.v, map: {D: damaged}, on_unmapped: keep} | `\"X\"` | X",
                "reason | {path: $.v, map: {D: damaged}, on_unmapped: null} | `\"X\"` | null",
                "reason | {path: $.v, enum: [damaged, late]} | `\"lost\"`"
                        + " | TYPE_COERCION_FAILED: product_return.reason ($.v): 'lost' is not one of [damaged, late]",
                "reason | {const: fixed} | `\"ignored\"` | fixed",
                "reason | {path: $.v, required: true} | null"
                        + " | MISSING_REQUIRED_FIELD: product_return.reason ($.v): missing",
                "reason | {first_of: [$.v.a, {path: $.v.b, normalize: [trim]}, $.v.c]} | `{\"a\": \" \", \"b\": \" B \", \"c\": \"C\"}` | B",
                "reason | {first_of: [$.v.a, $.v.c]} | `{\"a\": null}` | null",
            })
    void ruleGivesValue(String field, String rule, String json, String expected) {
        assertThat(extract(field, rule, json)).isEqualTo(expected);
    }
}
