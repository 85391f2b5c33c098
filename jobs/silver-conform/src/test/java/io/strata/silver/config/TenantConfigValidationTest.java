package io.strata.silver.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Broken configurations are rejected with every error, each located by file, line, tenant, version,
 * record type, entity and field, and saying which rule is broken.
 */
class TenantConfigValidationTest {

    private static final String FILE = "schemas/tenants/acme.yaml";

    private static List<String> errors(String yaml) {
        ConfigLoad load = TenantConfigs.parse(FILE, yaml);
        assertThat(load.configs()).isEmpty();
        return load.errors().stream().map(ConfigError::toString).toList();
    }

    @Test
    void aValidConfigurationHasNoErrors() {
        ConfigLoad load = TenantConfigs.parse(FILE, ShopConfig.VALID);
        assertThat(load.errors()).isEmpty();
        assertThat(load.configs())
                .singleElement()
                .satisfies(
                        c -> {
                            assertThat(c.tenant()).isEqualTo("acme");
                            assertThat(c.configVersion()).hasSize(16);
                        });
    }

    @Test
    void unknownCoercionNamesTheFieldAndTheChoices() {
        assertThat(errors(ShopConfig.VALID.replace("type: decimal", "type: decimall")))
                .containsExactly(
                        FILE
                                + ":24: acme 1.0 sales_order → order.total_amount: unknown coercion"
                                + " 'decimall' (expected one of string, int, long, decimal,"
                                + " timestamp, boolean, double); did you mean 'decimal'?");
    }

    @Test
    void everyErrorIsReportedNotOnlyTheFirst() {
        String broken =
                ShopConfig.VALID
                        .replace("key: $.order.id", "key: $.order..")
                        .replace("type: decimal", "type: decimall")
                        .replace(
                                "master_data: [customer, product]",
                                "master_data: [customer, prodct]");
        assertThat(errors(broken))
                .containsExactly(
                        FILE
                                + ":6: acme: unknown master entity 'prodct' (expected one of customer,"
                                + " product, order, order_line, invoice, shipment, product_return,"
                                + " support_ticket); did you mean 'product'?",
                        FILE
                                + ":17: acme 1.0 sales_order → order.key: invalid JSONPath"
                                + " '$.order..': Path must not end with a '.' or '..'",
                        FILE
                                + ":24: acme 1.0 sales_order → order.total_amount: unknown coercion"
                                + " 'decimall' (expected one of string, int, long, decimal,"
                                + " timestamp, boolean, double); did you mean 'decimal'?");
    }

    @Test
    void crossChecksRunOnceTheShapeIsValid() {
        String broken =
                ShopConfig.VALID
                        .replace("channel: $.order.channel", "chanel: $.order.channel")
                        .replace(
                                "status: $.order.status",
                                "status: {path: $.order.status, type: int}")
                        .replace("customer_key: {ref: customer}", "customer_key: {ref: custmer}");
        assertThat(errors(broken))
                .containsExactly(
                        FILE
                                + ":19: acme 1.0 sales_order → order.customer_key: dangling reference:"
                                + " ref 'custmer' names no entity of sales_order (entities:"
                                + " customer, order, product, order_line); did you mean 'customer'?",
                        FILE
                                + ":21: acme 1.0 sales_order → order.status: type 'int' does not fit"
                                + " order.status, a string",
                        FILE
                                + ":22: acme 1.0 sales_order → order.chanel: unknown field 'chanel' of"
                                + " order (expected one of channel, currency, customer_key,"
                                + " order_time, status, total_amount); did you mean 'channel'?");
    }

    @Test
    void aMissingKeyIsAnError() {
        assertThat(errors(ShopConfig.VALID.replace("        key: $.order.id\n", "")))
                .containsExactly(FILE + ":16: acme 1.0 sales_order → order: missing key");
    }

    @Test
    void aCompositeKeyNeedsEveryPart() {
        assertThat(
                        errors(
                                ShopConfig.VALID.replace(
                                        "key: [{parent: order}, \"@.line\"]", "key: \"@.line\"")))
                .containsExactly(
                        FILE
                                + ":31: acme 1.0 sales_order → order_line.key: order_line is keyed by"
                                + " [order_key, line_key]: key must list 2 rule(s), not 1");
    }

    @Test
    void aNonNullableCanonicalFieldNeedsARule() {
        assertThat(
                        errors(
                                ShopConfig.VALID.replace(
                                        "          order_time: $.order.placed_at\n", "")))
                .containsExactly(
                        FILE
                                + ":16: acme 1.0 sales_order → order: order_time is not nullable in the"
                                + " canonical order: it needs a rule");
    }

    @Test
    void unknownEntityAndTemplate() {
        assertThat(errors(ShopConfig.VALID.replace("      order:\n", "      ordr:\n")))
                .first()
                .isEqualTo(
                        FILE
                                + ":16: acme 1.0 sales_order → ordr: unknown entity 'ordr' (expected"
                                + " one of customer, product, order, order_line, invoice, shipment,"
                                + " product_return, support_ticket); did you mean 'order'?; name its"
                                + " type with entity: <type>");
    }

    @Test
    void optionsThatDoNotFitTheTarget() {
        String broken =
                ShopConfig.VALID
                        .replace(
                                "status: $.order.status",
                                "status: {path: $.order.status, format: epoch_seconds}")
                        .replace(
                                "currency: $.order.currency\n          total",
                                "currency: {path: $.order.currency, minor_units: true}\n          total")
                        .replace(
                                "order_time: $.order.placed_at",
                                "order_time: {path: $.order.placed_at, zone: Mars/Olympus}");
        assertThat(errors(broken))
                .containsExactly(
                        FILE
                                + ":20: acme 1.0 sales_order → order.order_time: unknown zone"
                                + " 'Mars/Olympus' (e.g. UTC, Europe/Berlin, +09:00)");
        String mismatched =
                ShopConfig.VALID
                        .replace(
                                "status: $.order.status",
                                "status: {path: $.order.status, format: epoch_seconds}")
                        .replace(
                                "currency: $.order.currency\n          total",
                                "currency: {path: $.order.currency, minor_units: true}\n          total");
        assertThat(errors(mismatched))
                .containsExactly(
                        FILE
                                + ":21: acme 1.0 sales_order → order.status: format applies to"
                                + " timestamps, not to order.status, a string",
                        FILE
                                + ":23: acme 1.0 sales_order → order.currency: scale, minor_units and"
                                + " rounding apply to decimals, not to order.currency, a string");
    }

    @Test
    void constantsAndDefaultsMustBeValuesOfTheTargetType() {
        String broken =
                ShopConfig.VALID
                        .replace(
                                "total_amount: {path: $.order.total, type: decimal}",
                                "total_amount: {const: twelve}")
                        .replace(
                                "status: $.order.status",
                                "status: {path: $.order.status, enum: [placed, paid], default: lost}");
        assertThat(errors(broken))
                .containsExactly(
                        FILE
                                + ":21: acme 1.0 sales_order → order.status: default 'lost' is not in"
                                + " enum [placed, paid]",
                        FILE
                                + ":24: acme 1.0 sales_order → order.total_amount: const 'twelve' is"
                                + " not a decimal(18,2) value");
    }

    @Test
    void relativePathsNeedAnElementOrAContext() {
        assertThat(errors(ShopConfig.VALID.replace("key: $.order.id", "key: \"@.id\"")))
                .containsExactly(
                        FILE
                                + ":17: acme 1.0 sales_order → order.key: '@.id': @ is the element of"
                                + " a foreach or the context; this entity has neither (use $)");
    }

    @Test
    void referencesAcrossForeachScopesAndCycles() {
        String toForeach =
                ShopConfig.VALID.replace(
                        "customer_key: {ref: customer}", "customer_key: {ref: product}");
        assertThat(errors(toForeach))
                .containsExactly(
                        FILE
                                + ":19: acme 1.0 sales_order → order.customer_key: ref 'product' is one"
                                + " per element of $.order.items[*]; only entities of the same foreach"
                                + " can refer to it");
        String cycle = ShopConfig.VALID.replace("name: \"@.name\"", "name: {ref: order}");
        assertThat(errors(cycle))
                .containsExactly(
                        FILE
                                + ":9: acme 1.0 sales_order: circular references: customer → order →"
                                + " customer");
    }

    @Test
    void yamlSyntaxAndDuplicateKeys() {
        assertThat(errors("tenant: acme\napplication: [commerce\n"))
                .singleElement()
                .asString()
                .startsWith(FILE + ":2: not valid YAML: while parsing a flow sequence");
        assertThat(
                        errors(
                                ShopConfig.VALID.replace(
                                        "application: commerce",
                                        "application: commerce\ntenant: acme")))
                .containsExactly(FILE + ":3: duplicate key 'tenant' (first on line 1)");
    }

    @Test
    void unknownKeysSuggestTheNearestKnownOne() {
        assertThat(
                        errors(
                                ShopConfig.VALID.replace(
                                        "foreach: $.order.items[*]\n        key: [",
                                        "forEach: $.order.items[*]\n        key: [")))
                .contains(
                        FILE
                                + ":30: acme 1.0 sales_order → order_line: unknown key 'forEach' in an"
                                + " entity (expected one of entity, use, description, foreach,"
                                + " context, optional, key, fields); did you mean 'foreach'?");
    }

    @Test
    void deletesMustNameATopLevelEntity() {
        assertThat(
                        errors(
                                ShopConfig.VALID.replace(
                                        "    sales_order:\n",
                                        "    sales_order:\n      deletes: order_line\n")))
                .containsExactly(
                        FILE
                                + ":9: acme 1.0 sales_order: deletes names order_line, which is one per"
                                + " element of a foreach");
    }

    @Test
    void aFileIsNamedAfterItsTenant(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Files.writeString(dir.resolve("globex.yaml"), ShopConfig.VALID);
        ConfigLoad load = TenantConfigs.loadDirectory(dir);
        assertThat(load.errors())
                .singleElement()
                .asString()
                .endsWith("globex.yaml: acme: the file of tenant 'acme' must be named acme.yaml");
    }

    @Test
    void templatesMustExistAndDoNotNest() {
        String unknown =
                ShopConfig.VALID.replace(
                        "        key: $.order.id\n",
                        "        use: header\n        key: $.order.id\n");
        assertThat(errors(unknown))
                .containsExactly(
                        FILE
                                + ":17: acme 1.0 sales_order → order: unknown template 'header'"
                                + " (the configuration has no templates)");
        String nested =
                ShopConfig.VALID
                        .replace(
                                "versions:\n",
                                "templates:\n  a: {use: b}\n  b: {entity: order}\nversions:\n")
                        .replace(
                                "        key: $.order.id\n",
                                "        use: a\n        key: $.order.id\n");
        assertThat(errors(nested))
                .containsExactly(
                        FILE
                                + ":8: acme 1.0 sales_order → order: template 'a' uses another template;"
                                + " templates do not nest");
    }
}
