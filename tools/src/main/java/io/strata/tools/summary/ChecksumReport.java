package io.strata.tools.summary;

import io.strata.common.checksum.Checksum;
import io.strata.common.checksum.ChecksumComparison;
import io.strata.common.checksum.TableChecksum;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The tables {@code ./strata checksum} prints: one read, or two side by side. */
public final class ChecksumReport {

    private ChecksumReport() {}

    /** TABLE, TENANT, ROWS, CHECKSUM for each table and tenant of one read. */
    public static String of(List<TableChecksum> sums) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"TABLE", "TENANT", "ROWS", "CHECKSUM"});
        for (TableChecksum t : sums) {
            String table = t.table().toString();
            if (t.status() != TableChecksum.Status.READ) {
                rows.add(new String[] {table, "-", "-", note(t)});
                continue;
            }
            for (Map.Entry<String, Checksum> line : t.lines().entrySet()) {
                Checksum c = line.getValue();
                rows.add(new String[] {table, line.getKey(), count(c), c.hex()});
            }
        }
        return columns(rows, 2);
    }

    /** Both reads per table and tenant, with MATCH, DIFFER or SKIPPED, then a summary line. */
    public static String of(ChecksumComparison comparison) {
        List<String[]> rows = new ArrayList<>();
        rows.add(
                new String[] {
                    "TABLE",
                    "TENANT",
                    "ROWS",
                    "CHECKSUM",
                    "AGAINST ROWS",
                    "AGAINST CHECKSUM",
                    "RESULT"
                });
        for (ChecksumComparison.Line line : comparison.lines()) {
            rows.add(
                    new String[] {
                        line.table(),
                        line.tenant(),
                        line.left() == null ? "-" : count(line.left()),
                        line.left() == null ? "-" : line.left().hex(),
                        line.right() == null ? "-" : count(line.right()),
                        line.right() == null ? "-" : line.right().hex(),
                        line.note() == null
                                ? line.result().name()
                                : line.result() + " (" + line.note() + ")"
                    });
        }
        long compared =
                comparison.lines().stream()
                        .filter(l -> l.result() != ChecksumComparison.Result.SKIPPED)
                        .count();
        String summary =
                comparison.allMatch()
                        ? String.format("MATCH: all %d lines match%n", compared)
                        : String.format(
                                "DIFFER: %d of %d lines differ%n",
                                comparison.differing(), compared);
        return columns(rows, 2) + summary;
    }

    private static String note(TableChecksum t) {
        return t.status() == TableChecksum.Status.MISSING
                ? "missing: " + t.detail()
                : "skipped: " + t.detail();
    }

    private static String count(Checksum c) {
        return String.format("%,d", c.rows());
    }

    /** Left-aligned text columns, except those from {@code firstNumber} on every other. */
    private static String columns(List<String[]> rows, int firstNumber) {
        int n = rows.get(0).length;
        int[] widths = new int[n];
        for (String[] row : rows) {
            for (int i = 0; i < n; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < n; i++) {
                boolean number = i >= firstNumber && (i - firstNumber) % 2 == 0 && i < n - 1;
                String cell =
                        number
                                ? String.format("%" + widths[i] + "s", row[i])
                                : i == n - 1
                                        ? row[i]
                                        : String.format("%-" + widths[i] + "s", row[i]);
                line.append(cell).append(i == n - 1 ? "" : "  ");
            }
            out.append(line.toString().stripTrailing()).append(System.lineSeparator());
        }
        return out.toString();
    }
}
