package io.strata.common.config;

import io.strata.common.flink.DeclaredOptions;
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
}
