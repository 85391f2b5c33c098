package io.strata.silver.tenants;

import io.strata.silver.config.ConfigError;
import io.strata.silver.config.ConfigLoad;
import io.strata.silver.config.TenantConfig;
import io.strata.silver.config.TenantConfigs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Tenant configuration files given on a command line: directories (every {@code <tenant>.yaml}, the
 * directory rules apply) and single files, validated together.
 */
public final class TenantConfigFiles {

    /** The valid configurations as updates, and every error found. */
    public record Loaded(List<TenantConfigUpdate> updates, List<ConfigError> errors) {
        public boolean isValid() {
            return errors.isEmpty();
        }
    }

    private TenantConfigFiles() {}

    public static Loaded load(List<Path> paths) {
        List<TenantConfigUpdate> updates = new ArrayList<>();
        List<ConfigError> errors = new ArrayList<>();
        for (Path path : paths) {
            ConfigLoad load =
                    Files.isDirectory(path)
                            ? TenantConfigs.loadDirectory(path)
                            : TenantConfigs.parse(path.toString(), read(path));
            errors.addAll(load.errors());
            for (TenantConfig c : load.configs()) {
                updates.add(
                        new TenantConfigUpdate(
                                c.tenant(),
                                c.source(),
                                read(Path.of(c.source())),
                                c.configVersion()));
            }
        }
        return new Loaded(updates, errors);
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
