package io.strata.quality.rules;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.Configuration;

/**
 * {@code java -cp quality-async.jar io.strata.quality.rules.QualityRulesTool PATH...}: validates
 * the {@code quality:} sections of tenant configuration files (files or directories) with the job's
 * own reader, so {@code ./strata tenants validate} refuses what quality-async would refuse at
 * start. Exit codes: 0 valid, 1 invalid, 2 usage.
 */
public final class QualityRulesTool {

    private QualityRulesTool() {}

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    static int run(List<String> paths, PrintStream out, PrintStream err) {
        if (paths.isEmpty()) {
            err.println("usage: QualityRulesTool PATH...");
            return 2;
        }
        TenantRules defaults = QualityRules.defaults(new Configuration());
        List<String> errors = new ArrayList<>();
        int tenants = 0;
        for (String p : paths) {
            Path path = Path.of(p);
            QualitySections.Loaded loaded =
                    Files.isDirectory(path)
                            ? QualitySections.loadDirectory(path, defaults)
                            : QualitySections.parse(p, read(path), defaults);
            tenants += loaded.tenants().size();
            errors.addAll(loaded.errors());
        }
        if (!errors.isEmpty()) {
            errors.forEach(err::println);
            err.println(errors.size() + " error(s) in quality sections");
            return 1;
        }
        out.println("quality sections: " + tenants + " tenant(s) with rules, all valid");
        return 0;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot read " + file, e);
        }
    }
}
