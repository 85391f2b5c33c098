package io.strata.bronze;

import io.strata.common.config.OptionsDoc;
import io.strata.common.flink.DeclaredOptions;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BronzeOptionsDocTest {

    @Test
    void bronzeIngestOptionsAreDocumented() {
        OptionsDoc.verifySection(
                Path.of("../../docs/configuration.md"),
                "bronze-ingest",
                OptionsDoc.table(DeclaredOptions.of(BronzeIngestOptions.class).options()));
    }
}
