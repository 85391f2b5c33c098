package io.strata.silver.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.silver.testing.TenantFiles;
import io.strata.workload.render.Renderers;
import io.strata.workload.render.TenantRenderer;
import io.strata.workload.truth.RecordType;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tenant files of {@code schemas/tenants/} are valid and cover what the tenants send. */
class TenantFilesTest {

    @Test
    void everyFileIsValid() {
        ConfigLoad load = TenantConfigs.loadDirectory(TenantFiles.DIR);
        assertThat(load.report()).isEmpty();
        assertThat(load.configs())
                .extracting(TenantConfig::tenant)
                .containsExactly("acme", "globex", "initech");
    }

    @Test
    void everyRenderedShapeHasRulesForEveryRecordTypeAndTheCdcTables() {
        List<String> types = Arrays.stream(RecordType.values()).map(RecordType::wireName).toList();
        for (TenantRenderer r : Renderers.all()) {
            TenantConfig c = TenantFiles.of(r.tenantId());
            assertThat(c.application()).isEqualTo("commerce");
            assertThat(c.versions()).containsKey(r.schemaVersion());
            assertThat(c.versions().get(r.schemaVersion())).containsOnlyKeys(types);
            assertThat(c.cdc())
                    .containsOnlyKeys(
                            "platform.customers",
                            "platform.products",
                            "platform.price_lists",
                            "platform.tenants");
            assertThat(c.masterData()).containsExactly("customer", "product");
        }
    }

    @Test
    void theVersionIsTheContentNotTheLayout() {
        String base =
                "tenant: t\napplication: a\nversions:\n  \"1\":\n    x:\n      customer:\n"
                        + "        key: $.id\n";
        String relaidOut =
                "# a comment\ntenant:   t\napplication: a   # the app\nversions: {\"1\": "
                        + "{x: {customer: {key: \"$.id\"}}}}\n";
        String changed = base.replace("$.id", "$.ref");
        assertThat(version(relaidOut)).isEqualTo(version(base));
        assertThat(version(changed)).isNotEqualTo(version(base)).hasSize(16);
        assertThat(
                        version(
                                "tenant: t\napplication: a\nversions: {\"1\": {x: {customer: {key: $.id, fields: {name: \"1\"}}}}}\n"))
                .as("a string and a number are different content")
                .isNotEqualTo(
                        version(
                                "tenant: t\napplication: a\nversions: {\"1\": {x: {customer: {key: $.id, fields: {name: 1}}}}}\n"));
    }

    private static String version(String yaml) {
        YamlNode root = YamlReader.read(yaml, ConfigLocation.ofFile("t.yaml"), new ConfigErrors());
        return ConfigVersion.of(root);
    }
}
