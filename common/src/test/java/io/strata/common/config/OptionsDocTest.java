package io.strata.common.config;

import io.strata.common.flink.DeclaredOptions;
import io.strata.common.iceberg.maintenance.MaintenanceOptions;
import io.strata.common.lineage.LineageOptions;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class OptionsDocTest {

    @Test
    void sharedOptionsAreDocumented() {
        OptionsDoc.verifySection(
                Path.of("../docs/configuration.md"),
                "strata",
                OptionsDoc.table(DeclaredOptions.of(StrataOptions.class).options()));
    }

    @Test
    void lineageOptionsAreDocumented() {
        OptionsDoc.verifySection(
                Path.of("../docs/configuration.md"),
                "lineage",
                OptionsDoc.table(DeclaredOptions.of(LineageOptions.class).options()));
    }

    @Test
    void maintenanceOptionsAreDocumented() {
        OptionsDoc.verifySection(
                Path.of("../docs/configuration.md"),
                "maintenance",
                OptionsDoc.table(DeclaredOptions.of(MaintenanceOptions.class).options()));
    }
}
