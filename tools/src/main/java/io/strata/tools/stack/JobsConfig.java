package io.strata.tools.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;

/**
 * The configuration file the jobs get on the local stack ({@code --config
 * .strata/conf/strata.yaml}), rendered from {@code flink-conf/strata-local.yaml} with the stack's
 * ports and paths.
 */
public final class JobsConfig {

    /** cdc-capture's slot, as the jobs' configuration file names it. */
    public static final ConfigOption<String> CDC_SLOT_NAME =
            ConfigOptions.key("cdc.source.slot-name").stringType().noDefaultValue();

    /** How long gold-features waits for a quiet input, as the configuration file states it. */
    public static final ConfigOption<Duration> GOLD_IDLENESS =
            ConfigOptions.key("gold.features.idleness").durationType().noDefaultValue();

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

    /** The written file's settings. */
    public Configuration read() {
        return Configuration.fromMap(io.strata.common.flink.JobConfig.readFile(path()));
    }

    /** A setting the file must state, e.g. {@link #CDC_SLOT_NAME}. */
    public static <T> T required(Configuration config, ConfigOption<T> option) {
        return config.getOptional(option)
                .orElseThrow(
                        () ->
                                new IllegalStateException(
                                        option.key()
                                                + " is not set in flink-conf/strata-local.yaml"));
    }

    public Path path() {
        return home.home().resolve("conf").resolve("strata.yaml");
    }
}
