package io.strata.tools.commands;

import io.strata.tools.stack.JobCatalog;
import io.strata.tools.stack.StackHome;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a tool class of a job's own jar in a child JVM, so the CLI never disagrees with the job it
 * operates (same validation, same table and topic code). A job jar bundles its connectors but, like
 * every job jar, neither SLF4J nor Flink: Flink's libraries (with their SLF4J binding and the
 * Hadoop client Iceberg's catalog needs) are added when the tool reads configuration or tables, the
 * CLI's SLF4J API otherwise.
 */
final class JobJarTool {

    private JobJarTool() {}

    /** The exit code of {@code mainClass args...}; 2 when the job is not built. */
    static int run(
            StackHome home, String job, boolean withFlink, String mainClass, List<String> args)
            throws IOException, InterruptedException {
        Path jar = new JobCatalog(home).jar(job);
        if (!Files.isRegularFile(jar)) {
            System.err.println(job + " is not built (" + jar + "); run ./strata build");
            return 2;
        }
        List<String> command =
                new ArrayList<>(List.of(java(), "-cp", classpath(home, jar, withFlink), mainClass));
        command.addAll(args);
        return new ProcessBuilder(command).inheritIO().start().waitFor();
    }

    private static String classpath(StackHome home, Path jar, boolean withFlink)
            throws IOException {
        List<String> entries = new ArrayList<>(List.of(jar.toString()));
        if (withFlink) {
            // Flink's lib brings SLF4J with its Log4j binding.
            entries.add(home.flinkLib().resolve("*").toString());
        } else {
            try (var libs = Files.list(home.toolsLib())) {
                libs.filter(p -> p.getFileName().toString().startsWith("slf4j-api"))
                        .forEach(p -> entries.add(p.toString()));
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static String java() {
        return ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
