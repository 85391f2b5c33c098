package io.strata.gold;

import io.strata.common.config.OptionsDoc;
import io.strata.common.flink.DeclaredOptions;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class GoldOptionsDocTest {

    @Test
    void goldFeaturesOptionsAreDocumented() {
        OptionsDoc.verifySection(
                Path.of("../../docs/configuration.md"),
                "gold-features",
                OptionsDoc.table(DeclaredOptions.of(GoldFeaturesOptions.class).options()));
    }
}
