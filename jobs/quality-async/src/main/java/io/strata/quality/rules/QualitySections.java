package io.strata.quality.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads the optional {@code quality:} section of tenant configuration files ({@code
 * schemas/tenants/<tenant>.yaml}, the files silver-conform reads; it ignores this section) into
 * {@link TenantRules} over the job's defaults. The rest of a file is silver-conform's to validate:
 * only {@code tenant} and {@code quality} are read here. Every error is reported, located as {@code
 * file:line: tenant T: quality.key: message}; the format is in jobs/quality-async/README.md.
 */
public final class QualitySections {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** The tenants with a valid section, and every error found. */
    public record Loaded(Map<String, TenantRules> tenants, List<String> errors) {

        /** The tenants' rules; throws listing the errors if there are any. */
        public Map<String, TenantRules> orThrow() {
            if (!errors.isEmpty()) {
                throw new InvalidQualityConfigException(errors);
            }
            return tenants;
        }
    }

    private QualitySections() {}

    /** Every {@code *.yaml} file of {@code dir}, in name order. */
    public static Loaded loadDirectory(Path dir, TenantRules defaults) {
        Map<String, TenantRules> tenants = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        for (Path file : yamlFiles(dir)) {
            Loaded one = parse(file.toString(), read(file), defaults);
            tenants.putAll(one.tenants());
            errors.addAll(one.errors());
        }
        return new Loaded(tenants, errors);
    }

    /** One file's text; {@code source} names it in errors. */
    public static Loaded parse(String source, String yaml, TenantRules defaults) {
        JsonNode root;
        Map<String, Integer> lines;
        try {
            root = YAML.readTree(yaml);
            lines = YamlKeyLines.of(yaml);
        } catch (IOException e) {
            return new Loaded(Map.of(), List.of(source + ": not YAML: " + e.getMessage()));
        }
        if (root == null || !root.isObject() || !root.path("tenant").isTextual()) {
            return new Loaded(Map.of(), List.of(source + ":1: no 'tenant' name"));
        }
        String tenant = root.get("tenant").asText();
        JsonNode section = root.get("quality");
        if (section == null) {
            return new Loaded(Map.of(), List.of());
        }
        List<String> errors = new ArrayList<>();
        TenantRules rules =
                new SectionReader(source, tenant, lines, errors).read(section, defaults);
        return errors.isEmpty()
                ? new Loaded(Map.of(tenant, rules), List.of())
                : new Loaded(Map.of(), errors);
    }

    private static List<Path> yamlFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".yaml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir, e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
