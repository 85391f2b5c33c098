package io.strata.silver;

import io.strata.common.config.OptionsDoc;
import io.strata.common.flink.DeclaredOptions;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SilverOptionsDocTest {

    @Test
    void silverConformOptionsAreDocumented() {
        OptionsDoc.verifySection(
                Path.of("../../docs/configuration.md"),
                "silver-conform",
                OptionsDoc.table(DeclaredOptions.of(SilverConformOptions.class).options()));
    }
}
