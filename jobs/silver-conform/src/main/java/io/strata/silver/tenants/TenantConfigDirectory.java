package io.strata.silver.tenants;

import io.strata.silver.config.InvalidTenantConfigException;
import io.strata.silver.config.TenantConfig;
import io.strata.silver.config.TenantConfigs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.util.Preconditions;

/**
 * The tenant configurations a job starts with: every {@code <tenant>.yaml} of a directory, read and
 * validated on the client when the job is submitted, so a bad rule fails the submission with its
 * located message and never reaches a running job.
 */
public final class TenantConfigDirectory {

    private TenantConfigDirectory() {}

    /**
     * The directory's configurations as updates (their text travels with the job graph).
     *
     * @throws InvalidTenantConfigException listing every error, file and line
     */
    public static List<TenantConfigUpdate> load(Path dir) {
        Preconditions.checkArgument(
                Files.isDirectory(dir),
                "The tenant configuration directory %s does not exist",
                dir);
        List<TenantConfigUpdate> updates = new ArrayList<>();
        for (TenantConfig c : TenantConfigs.loadDirectory(dir).orThrow()) {
            updates.add(
                    new TenantConfigUpdate(
                            c.tenant(), c.source(), read(Path.of(c.source())), c.configVersion()));
        }
        return updates;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
