package io.strata.silver.tenants;

import io.strata.silver.config.InvalidTenantConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        TenantConfigFiles.Loaded loaded = TenantConfigFiles.load(List.of(dir));
        if (!loaded.isValid()) {
            throw new InvalidTenantConfigException(loaded.errors());
        }
        return loaded.updates();
    }
}
