package io.strata.tools.analysts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The queries of {@code docs/analysts.md}: per {@code ##} section, its fenced {@code sql} block
 * that starts with {@code SELECT}, exactly as the page shows it, so the test runs what analysts are
 * told to run.
 */
final class AnalystsPage {

    static final Path PAGE = Path.of("../docs/analysts.md");
    private static final String FENCE = "```";

    private AnalystsPage() {}

    /** Section heading (without {@code ## }) → its query, in page order. */
    static Map<String, String> queries() {
        Map<String, String> queries = new LinkedHashMap<>();
        String heading = null;
        StringBuilder block = null;
        for (String line : lines()) {
            if (block == null && line.startsWith("## ")) {
                heading = line.substring(3);
            } else if (block == null && line.equals(FENCE + "sql")) {
                block = new StringBuilder();
            } else if (block != null && line.equals(FENCE)) {
                add(queries, heading, block.toString().strip());
                block = null;
            } else if (block != null) {
                block.append(line).append('\n');
            }
        }
        return queries;
    }

    private static void add(Map<String, String> queries, String heading, String sql) {
        if (!sql.startsWith("SELECT")) {
            return;
        }
        if (queries.putIfAbsent(heading, sql) != null) {
            throw new IllegalStateException(PAGE + ": two queries under ## " + heading);
        }
    }

    private static List<String> lines() {
        try {
            return Files.readAllLines(PAGE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
