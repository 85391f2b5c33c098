package io.strata.tools.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The configuration file the jobs get on the local stack ({@code --config
 * .strata/conf/strata.yaml}), rendered from {@code flink-conf/strata-local.yaml} with the stack's
 * ports and paths.
 */
public final class JobsConfig {

    private final StackHome home;

    public JobsConfig(StackHome home) {
        this.home = home;
    }

    /** Writes the file (and creates the warehouse directory); returns its path. */
    public Path write() {
        try {
            Files.createDirectories(home.home().resolve("warehouse"));
            String template = Files.readString(home.repo().resolve("flink-conf/strata-local.yaml"));
            Path file = Files.createDirectories(home.home().resolve("conf")).resolve("strata.yaml");
            Files.writeString(file, render(template));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the jobs' configuration", e);
        }
    }

    String render(String template) {
        return template.replace("{{stack.home}}", home.home().toString())
                .replace("{{repo}}", home.repo().toString())
                .replace("{{kafka.port}}", home.get(StackOptions.KAFKA_PORT).toString())
                .replace("{{registry.port}}", home.get(StackOptions.REGISTRY_PORT).toString())
                .replace("{{postgres.port}}", home.get(StackOptions.POSTGRES_PORT).toString())
                .replace("{{postgres.database}}", home.get(StackOptions.POSTGRES_DATABASE));
    }

    public Path path() {
        return home.home().resolve("conf").resolve("strata.yaml");
    }
}
