package io.strata.gold;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of {@code docs/analysts.md}, read from the page's fenced {@code sql} blocks, so that the
 * tests run what analysts are told to run and the page cannot drift from it.
 */
final class AnalystsDoc {

    private static final Path PAGE = Path.of("../../docs/analysts.md");
    private static final String FENCE = "```";

    private AnalystsDoc() {}

    /** The point-in-time query over a {@code labels} table or view. */
    static String pointInTimeQuery() {
        return block("## Point-in-time training set", "SELECT");
    }

    /** The expression of a customer's hub key over {@code tenant_id} and {@code customer_key}. */
    static String customerHashKey() {
        return block("## Hash keys", "LOWER(MD5(");
    }

    /** The one {@code sql} block of the section under {@code heading} that starts so. */
    private static String block(String heading, String start) {
        List<String> blocks =
                sqlBlocks(section(heading)).stream().filter(b -> b.startsWith(start)).toList();
        if (blocks.size() != 1) {
            throw new IllegalStateException(
                    PAGE + " has " + blocks.size() + " sql blocks starting " + start);
        }
        return blocks.get(0);
    }

    private static List<String> section(String heading) {
        List<String> lines;
        try {
            lines = Files.readAllLines(PAGE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int from = lines.indexOf(heading);
        if (from < 0) {
            throw new IllegalStateException(PAGE + " has no section " + heading);
        }
        int to = from + 1;
        while (to < lines.size() && !lines.get(to).startsWith("## ")) {
            to++;
        }
        return lines.subList(from + 1, to);
    }

    private static List<String> sqlBlocks(List<String> lines) {
        List<String> blocks = new ArrayList<>();
        StringBuilder block = null;
        for (String line : lines) {
            if (block == null && line.equals(FENCE + "sql")) {
                block = new StringBuilder();
            } else if (block != null && line.equals(FENCE)) {
                blocks.add(block.toString().strip());
                block = null;
            } else if (block != null) {
                block.append(line).append('\n');
            }
        }
        return blocks;
    }
}
