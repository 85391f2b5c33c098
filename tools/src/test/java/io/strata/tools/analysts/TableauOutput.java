package io.strata.tools.analysts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The results the SQL client printed in {@code tableau} mode, one per query in order: the header
 * and the rows of each table, cells trimmed. A query without rows prints "Empty set" and no header.
 */
final class TableauOutput {

    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*[A-Za-z]");
    private static final Pattern ROWS_IN_SET = Pattern.compile("\\d+ rows? in set");

    /** One printed result. */
    record Result(List<String> header, List<List<String>> rows) {}

    private TableauOutput() {}

    static List<Result> parse(String output) {
        List<Result> results = new ArrayList<>();
        List<List<String>> table = new ArrayList<>();
        for (String raw : output.split("\n")) {
            String line = ANSI.matcher(raw).replaceAll("").strip();
            if (line.startsWith("|") && line.endsWith("|")) {
                table.add(cells(line));
            } else if (ROWS_IN_SET.matcher(line).find()) {
                results.add(new Result(table.get(0), List.copyOf(table.subList(1, table.size()))));
                table = new ArrayList<>();
            } else if (line.contains("Empty set")) {
                results.add(new Result(List.of(), List.of()));
            }
        }
        return results;
    }

    private static List<String> cells(String line) {
        return Arrays.stream(line.substring(1, line.length() - 1).split("\\|", -1))
                .map(String::strip)
                .toList();
    }
}
