package io.strata.quality.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QualityRulesToolTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void theRepositorysTenantFilesAreValid() {
        assertThat(run("../../schemas/tenants")).isZero();
        assertThat(text(out)).contains("all valid");
    }

    @Test
    void aBrokenSectionIsRefusedWithItsFileAndLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("acme.yaml");
        Files.writeString(
                file,
                "tenant: acme\napplication: erp\nquality:\n  volume:\n    k: -1\n",
                StandardCharsets.UTF_8);

        assertThat(run(file.toString())).isEqualTo(1);
        assertThat(text(err)).contains(file + ":").contains("error(s) in quality sections");
    }

    private int run(String path) {
        return QualityRulesTool.run(
                List.of(path),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String text(ByteArrayOutputStream s) {
        return s.toString(StandardCharsets.UTF_8);
    }
}
