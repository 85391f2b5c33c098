package io.strata.quality.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.quality.QualityAsyncOptions;
import io.strata.quality.rules.TenantRules.Duplicates;
import io.strata.quality.rules.TenantRules.Identity;
import io.strata.quality.rules.TenantRules.Outliers;
import io.strata.quality.rules.TenantRules.Profiles;
import io.strata.quality.rules.TenantRules.ReferentialIntegrity;
import io.strata.quality.rules.TenantRules.Volume;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;

class QualitySectionsTest {

    private static final TenantRules DEFAULTS = QualityRules.defaults(new Configuration());

    @Test
    void aSectionOverridesTheKeysItNamesAndKeepsTheDefaultsForTheRest() {
        String yaml =
                """
                tenant: acme
                application: commerce
                quality:
                  window: 1 h
                  history: 24
                  referential_integrity:
                    wait: 6 h
                  volume:
                    enabled: false
                  order_total_outliers:
                    max_z: 8.5
                  duplicate_customers:
                    match: [email, name]
                """;

        QualitySections.Loaded loaded = QualitySections.parse("acme.yaml", yaml, DEFAULTS);

        assertThat(loaded.errors()).isEmpty();
        TenantRules acme = loaded.tenants().get("acme");
        assertThat(acme.profiles()).isEqualTo(new Profiles(Duration.ofHours(1), 24, 6));
        assertThat(acme.referentialIntegrity())
                .isEqualTo(new ReferentialIntegrity(true, Duration.ofHours(6)));
        assertThat(acme.nullRate()).isEqualTo(DEFAULTS.nullRate());
        assertThat(acme.volume()).isEqualTo(new Volume(false, 20, 4.0, 3.0));
        assertThat(acme.outliers()).isEqualTo(new Outliers(true, 500, 50, 8.5));
        assertThat(acme.duplicates())
                .isEqualTo(new Duplicates(true, EnumSet.of(Identity.EMAIL, Identity.NAME)));
    }

    @Test
    void aFileWithoutASectionLeavesTheTenantOnTheDefaults() {
        QualitySections.Loaded loaded =
                QualitySections.parse("globex.yaml", "tenant: globex\ncdc: {}\n", DEFAULTS);

        assertThat(loaded.errors()).isEmpty();
        assertThat(loaded.tenants()).isEmpty();
        QualityRules rules = new QualityRules(DEFAULTS, loaded.tenants());
        assertThat(rules.of("globex")).isEqualTo(DEFAULTS);
    }

    @Test
    void everyErrorIsReportedWithItsFileLineTenantAndKey() {
        String yaml =
                """
                tenant: acme
                quality:
                  window: soon
                  history: 3
                  min_history: 4
                  volume:
                    k: -1
                    max_ratio: "3"
                  null_rate:
                    max_increase: 1.5
                  duplicate_customers:
                    match: [email, phone]
                  outliers: {}
                """;

        QualitySections.Loaded loaded = QualitySections.parse("acme.yaml", yaml, DEFAULTS);

        assertThat(loaded.tenants()).isEmpty();
        assertThat(loaded.errors())
                .containsExactly(
                        "acme.yaml:13: tenant acme: quality.outliers: unknown key, expected one"
                                + " of [duplicate_customers, history, min_history, null_rate,"
                                + " order_total_outliers, referential_integrity, volume, window]",
                        "acme.yaml:3: tenant acme: quality.window: is no duration (e.g. 10 min,"
                                + " 1 h): 'soon'",
                        "acme.yaml:5: tenant acme: quality.min_history: is more than history (3)",
                        "acme.yaml:10: tenant acme: quality.null_rate.max_increase: must be more"
                                + " than 0 and at most 1, got 1.5",
                        "acme.yaml:7: tenant acme: quality.volume.k: must be positive, got -1.0",
                        "acme.yaml:8: tenant acme: quality.volume.max_ratio: must be a number,"
                                + " got '3'",
                        "acme.yaml:12: tenant acme: quality.duplicate_customers.match: unknown"
                                + " identity 'phone', expected email or name");
        assertThatThrownBy(loaded::orThrow)
                .isInstanceOf(InvalidQualityConfigException.class)
                .hasMessageContaining("acme.yaml:7: tenant acme: quality.volume.k");
    }

    @Test
    void theRepositorysTenantFilesAreValid() {
        QualitySections.Loaded loaded =
                QualitySections.loadDirectory(Path.of("../../schemas/tenants"), DEFAULTS);

        assertThat(loaded.errors()).isEmpty();
        assertThat(loaded.tenants()).containsOnlyKeys("initech");
        assertThat(loaded.tenants().get("initech").profiles().history()).isEqualTo(18);
    }

    @Test
    void theJobReadsTheDirectoryOfItsOption() {
        Configuration config = new Configuration();
        config.set(QualityAsyncOptions.TENANTS_DIRECTORY, "../../schemas/tenants");
        QualityRules rules = QualityRules.of(config);

        assertThat(rules.of("initech").volume().k()).isEqualTo(5.0);
        assertThat(rules.of("acme")).isEqualTo(DEFAULTS);
        assertThat(rules.of("globex").duplicates().match()).containsExactly(Identity.EMAIL);
    }
}
