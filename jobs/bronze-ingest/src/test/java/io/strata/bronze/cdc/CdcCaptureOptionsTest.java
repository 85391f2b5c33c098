package io.strata.bronze.cdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.common.config.OptionsDoc;
import io.strata.common.flink.DeclaredOptions;
import java.nio.file.Path;
import java.util.Set;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;

class CdcCaptureOptionsTest {

    private static final DeclaredOptions OPTIONS = DeclaredOptions.of(CdcCaptureOptions.class);

    @Test
    void theReadmeDocumentsEveryOption() {
        // Surefire runs in the module directory.
        OptionsDoc.verifySection(
                Path.of("README.md"), CdcCaptureTopology.JOB, OptionsDoc.table(OPTIONS.options()));
    }

    @Test
    void theProjectsConfigurationPageDocumentsEveryOption() {
        OptionsDoc.verifySection(
                Path.of("../../docs/configuration.md"),
                CdcCaptureTopology.JOB,
                OptionsDoc.table(OPTIONS.options()));
    }

    @Test
    void everyOptionHasADescriptionAndTheJobsPrefix() {
        assertThat(OPTIONS.options())
                .allSatisfy(
                        o -> {
                            assertThat(o.key()).startsWith(CdcCaptureOptions.PREFIX);
                            assertThat(o.description().toString()).isNotBlank();
                        });
    }

    @Test
    void aMisspeltKeyIsRefusedButBronzeKeysInTheSameFileAreNot() {
        Configuration config = new Configuration();
        config.setString("bronze.parse.max-record-size", "64kb");
        OPTIONS.checkKnown(config, Set.of(CdcCaptureOptions.PREFIX), Set.of());

        config.setString("cdc.source.slot", "x");
        assertThatThrownBy(
                        () ->
                                OPTIONS.checkKnown(
                                        config, Set.of(CdcCaptureOptions.PREFIX), Set.of()))
                .hasMessageContaining("cdc.source.slot");
    }
}
