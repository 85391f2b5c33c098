package io.strata.quality;

import io.strata.common.config.OptionsDoc;
import io.strata.common.flink.DeclaredOptions;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class QualityOptionsDocTest {

    @Test
    void qualityAsyncOptionsAreDocumented() {
        OptionsDoc.verifySection(
                Path.of("../../docs/configuration.md"),
                "quality-async",
                OptionsDoc.table(DeclaredOptions.of(QualityAsyncOptions.class).options()));
    }
}
