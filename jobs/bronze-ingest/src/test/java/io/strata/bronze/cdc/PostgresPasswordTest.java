package io.strata.bronze.cdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresPasswordTest {

    @TempDir Path dir;

    @Test
    void theFileWinsOverTheEnvironmentAndLosesItsTrailingNewline() throws Exception {
        Path file = Files.writeString(dir.resolve("pw"), "s3cret\n");
        Configuration config = new Configuration();
        config.set(CdcCaptureOptions.PASSWORD_FILE, file.toString());

        assertThat(PostgresPassword.resolve(config, Map.of("STRATA_CDC_PASSWORD", "other")))
                .isEqualTo("s3cret");
    }

    @Test
    void theNamedEnvironmentVariableElseNoPassword() {
        Configuration config = new Configuration();
        config.set(CdcCaptureOptions.PASSWORD_ENV, "PG_PW");

        assertThat(PostgresPassword.resolve(config, Map.of("PG_PW", "fromenv")))
                .isEqualTo("fromenv");
        assertThat(PostgresPassword.resolve(config, Map.of())).isEmpty();
    }

    @Test
    void anUnreadableFileIsNamedInTheError() {
        Configuration config = new Configuration();
        config.set(CdcCaptureOptions.PASSWORD_FILE, dir.resolve("missing").toString());

        assertThatThrownBy(() -> PostgresPassword.resolve(config, Map.of()))
                .hasMessageContaining("missing")
                .hasMessageContaining(CdcCaptureOptions.PASSWORD_FILE.key());
    }
}
