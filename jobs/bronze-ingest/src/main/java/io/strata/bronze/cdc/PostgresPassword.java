package io.strata.bronze.cdc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.flink.configuration.ReadableConfig;

/**
 * The Postgres password, from a file or an environment variable, never from the configuration
 * itself (which Flink shows in its UI and logs). Messages name the source, never the value.
 */
final class PostgresPassword {

    private PostgresPassword() {}

    /** The password for {@code config}, or "" when none is given (trust authentication). */
    static String resolve(ReadableConfig config) {
        return resolve(config, System.getenv());
    }

    static String resolve(ReadableConfig config, Map<String, String> environment) {
        String file = config.get(CdcCaptureOptions.PASSWORD_FILE);
        if (file != null && !file.isBlank()) {
            return read(Path.of(file));
        }
        String variable = config.get(CdcCaptureOptions.PASSWORD_ENV);
        String value = variable == null ? null : environment.get(variable);
        return value == null ? "" : value;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).stripTrailing();
        } catch (IOException e) {
            // The exception's message names the file only.
            throw new UncheckedIOException(
                    "Could not read the Postgres password file "
                            + file
                            + " ("
                            + CdcCaptureOptions.PASSWORD_FILE.key()
                            + ")",
                    e);
        }
    }
}
