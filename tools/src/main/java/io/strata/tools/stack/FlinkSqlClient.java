package io.strata.tools.stack;

import io.strata.common.flink.JobConfig;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs Flink's SQL client (embedded mode, {@code sql-client.sh} without the script) against the
 * local session cluster, initialized with {@code flink-conf/sql-client-init.sql} rendered from the
 * stack's jobs configuration ({@link SqlInitScript}).
 *
 * <p>The connector jars of {@code flink-dist/target/sql-connectors} (Kafka, {@code avro-confluent})
 * are added with {@code -j}, so each statement's job ships them to the cluster. Iceberg's runtime
 * is in the distribution's {@code lib/}, on the client's classpath and the cluster's: Iceberg
 * creates its catalog through the thread's context class loader, which in the SQL gateway is not
 * the session's, so from a {@code -j} jar {@code CREATE CATALOG} fails.
 */
public final class FlinkSqlClient {

    /** What the client prints when a statement of a script fails; it still exits with 0. */
    private static final List<String> FAILURE_MARKERS =
            List.of("[ERROR] Could not execute SQL statement", "Failed to initialize from sql");

    private final StackHome home;
    private final FlinkDistribution flink;

    public FlinkSqlClient(StackHome home) {
        this.home = home;
        this.flink = new FlinkDistribution(home);
    }

    /**
     * Runs the client with the user's arguments: with the terminal attached, or, when they name a
     * script ({@code -f}), as {@link #runScript} printing to standard output.
     */
    public int run(List<String> args) {
        if (args.contains("-f") || args.contains("--file")) {
            return runScript(args, System.out);
        }
        ProcessBuilder builder = new ProcessBuilder(command(args)).inheritIO();
        builder.environment().putAll(flink.environment());
        return await(start(builder));
    }

    /**
     * Runs the client non-interactively, copying its output to {@code out}. Returns 1 when a
     * statement failed (the client reports it but exits with 0), else the client's exit code.
     */
    public int runScript(List<String> args, PrintStream out) {
        // Without a terminal jline falls back to a dumb one anyway; saying so spares its warning.
        List<String> command = new ArrayList<>(command(args));
        command.add(1, "-Dorg.jline.terminal.dumb=true");
        ProcessBuilder builder =
                new ProcessBuilder(command)
                        .redirectInput(ProcessBuilder.Redirect.INHERIT)
                        .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().putAll(flink.environment());
        Process process = start(builder);
        boolean failed = false;
        try (BufferedReader lines =
                new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                out.println(line);
                failed |= FAILURE_MARKERS.stream().anyMatch(line::contains);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int code = await(process);
        return code == 0 && failed ? 1 : code;
    }

    List<String> command(List<String> args) {
        Path conf = flink.writeConf();
        Path init = writeInitScript();
        List<Path> connectors = connectorJars();
        List<String> clientArgs = new ArrayList<>(List.of("embedded"));
        clientArgs.addAll(List.of("-hist", home.home().resolve("sql-client.history").toString()));
        clientArgs.addAll(List.of("-i", init.toString()));
        connectors.forEach(jar -> clientArgs.addAll(List.of("-j", jar.toString())));
        clientArgs.addAll(args);
        return new JavaCommand()
                .jvm(JavaCommand.JAVA17_OPENS)
                .jvm(
                        "-Dlog.file=" + home.logFile("sql-client"),
                        "-Dlog4j.configurationFile=file:" + conf.resolve("log4j-cli.properties"))
                .classpath(flink.classpath() + File.pathSeparator + home.sqlClientLib() + "/*")
                .main("org.apache.flink.table.client.SqlClient", clientArgs)
                .build();
    }

    /** Renders the init file for the stack into its conf directory; returns its path. */
    public Path writeInitScript() {
        Path template = home.repo().resolve("flink-conf/sql-client-init.sql");
        Path jobsConfig = new JobsConfig(home).write();
        try {
            String sql =
                    SqlInitScript.of(JobConfig.readFile(jobsConfig))
                            .render(Files.readString(template), template.toString());
            Path file = home.home().resolve("conf").resolve("sql-client-init.sql");
            Files.writeString(file, sql);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the SQL client's init file", e);
        }
    }

    private List<Path> connectorJars() {
        Path dir = home.sqlConnectors();
        if (!Files.isDirectory(dir) || !Files.isDirectory(home.sqlClientLib())) {
            throw new IllegalStateException(
                    dir + " is missing: build flink-dist first (./strata build)");
        }
        try (Stream<Path> jars = Files.list(dir)) {
            return jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Process start(ProcessBuilder builder) {
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the SQL client", e);
        }
    }

    private static int await(Process process) {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroy();
            return 130;
        }
    }
}
