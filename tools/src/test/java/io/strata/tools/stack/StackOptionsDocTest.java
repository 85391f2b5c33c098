package io.strata.tools.stack;

import io.strata.common.config.OptionsDoc;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StackOptionsDocTest {

    @Test
    void stackOptionsAreDocumented() {
        OptionsDoc.verifySection(
                Path.of("../docs/configuration.md"), "stack", OptionsDoc.table(StackOptions.all()));
    }
}
