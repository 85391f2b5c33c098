package io.strata.silver.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads and validates tenant configurations: one YAML text ({@link #parse}, e.g. a file or a
 * published config record) or a directory of {@code <tenant>.yaml} files ({@link #loadDirectory}).
 * Every error is collected; a configuration with errors is never returned as valid.
 */
public final class TenantConfigs {

    private TenantConfigs() {}

    /**
     * Reads one configuration. {@code source} names it in messages, e.g. {@code
     * schemas/tenants/acme.yaml}.
     */
    public static ConfigLoad parse(String source, String yaml) {
        ConfigErrors errors = new ConfigErrors();
        ConfigLocation file = ConfigLocation.ofFile(source);
        YamlNode root = YamlReader.read(yaml, file, errors);
        if (root == null) {
            return new ConfigLoad(List.of(), errors.list());
        }
        TenantConfig config =
                new TenantConfigReader(errors).read(root, file, ConfigVersion.of(root));
        if (config != null && errors.isEmpty()) {
            new TenantConfigValidator(errors).validate(config);
        }
        return new ConfigLoad(
                config == null || !errors.isEmpty() ? List.of() : List.of(config), errors.list());
    }

    /**
     * Reads every {@code *.yaml} / {@code *.yml} file of a directory. Each file must be named after
     * its tenant, and a tenant may have only one file.
     */
    public static ConfigLoad loadDirectory(Path dir) {
        List<TenantConfig> configs = new ArrayList<>();
        List<ConfigError> errors = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (Path file : yamlFiles(dir)) {
            String source = dir.normalize().resolve(file.getFileName()).toString();
            ConfigLoad one = parse(source, read(file));
            errors.addAll(one.errors());
            for (TenantConfig c : one.configs()) {
                String expected = baseName(file);
                ConfigLocation at = ConfigLocation.ofFile(source).tenant(c.tenant());
                if (!c.tenant().equals(expected)) {
                    errors.add(
                            new ConfigError(
                                    at,
                                    "the file of tenant '"
                                            + c.tenant()
                                            + "' must be named "
                                            + c.tenant()
                                            + ".yaml"));
                } else if (seen.putIfAbsent(c.tenant(), source) != null) {
                    errors.add(
                            new ConfigError(
                                    at,
                                    "tenant '"
                                            + c.tenant()
                                            + "' is also configured in "
                                            + seen.get(c.tenant())));
                } else {
                    configs.add(c);
                }
            }
        }
        return new ConfigLoad(errors.isEmpty() ? configs : List.of(), errors);
    }

    private static List<Path> yamlFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(
                            p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list tenant configurations in " + dir, e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.lastIndexOf('.'));
    }
}
