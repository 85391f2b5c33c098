package io.strata.tools.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Flink 1.20 distribution assembled from Maven jars ({@code flink-dist/target/lib}) plus the
 * stack's generated configuration directory: what Flink's own bash launchers would provide.
 */
public final class FlinkDistribution {

    private static final String RESULT_PREFIX = "BASH_JAVA_UTILS_EXEC_RESULT:";

    private final StackHome home;

    public FlinkDistribution(StackHome home) {
        this.home = home;
    }

    /** Writes {@code config.yaml} and the log4j files into the stack's Flink conf directory. */
    public Path writeConf() {
        Path conf = home.flinkConf();
        Path source = home.repo().resolve("flink-conf");
        try {
            Files.createDirectories(conf);
            for (String dir : List.of("checkpoints", "savepoints", "tmp", "uploads")) {
                Files.createDirectories(home.home().resolve("flink").resolve(dir));
            }
            String template = Files.readString(source.resolve("config.yaml"));
            Files.writeString(conf.resolve("config.yaml"), render(template));
            for (String file : List.of("log4j.properties", "log4j-cli.properties")) {
                Files.copy(
                        source.resolve(file),
                        conf.resolve(file),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            // The SQL client and sql-gateway read log4j-session.properties / log4j-console.
            Files.copy(
                    source.resolve("log4j-cli.properties"),
                    conf.resolve("log4j-session.properties"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the Flink configuration", e);
        }
        return conf;
    }

    String render(String template) {
        return template.replace("{{stack.home}}", home.home().toString())
                .replace("{{flink.rpc-port}}", home.get(StackOptions.FLINK_RPC_PORT).toString())
                .replace(
                        "{{flink.taskmanager-rpc-port}}",
                        home.get(StackOptions.FLINK_TASKMANAGER_RPC_PORT).toString())
                .replace("{{flink.rest-port}}", home.get(StackOptions.FLINK_REST_PORT).toString())
                .replace("{{flink.task-slots}}", home.get(StackOptions.FLINK_TASK_SLOTS).toString())
                .replace(
                        "{{flink.jobmanager-memory}}",
                        home.get(StackOptions.FLINK_JOBMANAGER_MEMORY))
                .replace(
                        "{{flink.taskmanager-memory}}",
                        home.get(StackOptions.FLINK_TASKMANAGER_MEMORY))
                .replace(
                        "{{flink.taskmanager-metaspace}}",
                        home.get(StackOptions.FLINK_TASKMANAGER_METASPACE))
                .replace("{{java17.opens}}", String.join(" ", JavaCommand.JAVA17_OPENS));
    }

    /** The classpath of the cluster processes and the CLI. */
    public String classpath() {
        return home.flinkLib() + "/*";
    }

    /** Environment every Flink process expects from the launchers. */
    public Map<String, String> environment() {
        return Map.of("FLINK_CONF_DIR", home.flinkConf().toString());
    }

    /**
     * Asks Flink for the JVM flags and {@code -D} settings derived from the memory model ({@code
     * GET_JM_RESOURCE_PARAMS} / {@code GET_TM_RESOURCE_PARAMS}), exactly as its start scripts do.
     * Returns the JVM options followed by the dynamic program arguments.
     */
    public ResourceParams resourceParams(String command) {
        List<String> cmd =
                new JavaCommand()
                        .jvm("-Xmx256m")
                        .classpath(classpath())
                        .main(
                                "org.apache.flink.runtime.util.bash.BashJavaUtils",
                                List.of(command, "--configDir", home.flinkConf().toString()))
                        .build();
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("BashJavaUtils " + command + " failed:\n" + out);
            }
            List<String> results =
                    out.lines()
                            .filter(l -> l.startsWith(RESULT_PREFIX))
                            .map(l -> l.substring(RESULT_PREFIX.length()).trim())
                            .toList();
            if (results.size() < 2) {
                throw new IllegalStateException("Unexpected BashJavaUtils output:\n" + out);
            }
            return new ResourceParams(
                    split(results.get(results.size() - 2)), split(results.get(results.size() - 1)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<String> split(String line) {
        return new ArrayList<>(Arrays.asList(line.trim().split("\\s+")));
    }

    /** JVM options and dynamic ({@code -D key=value}) program arguments of one process. */
    public record ResourceParams(List<String> jvmOptions, List<String> dynamicArgs) {}

    /**
     * Starts a Flink entry point as a detached service process. The JobManager and TaskManager
     * share {@code config.yaml}, so each gets its own Prometheus reporter port as a dynamic
     * property: both run on one host and would otherwise clash.
     */
    void startProcess(
            ManagedProcess process,
            String service,
            String mainClass,
            String resourceCommand,
            int metricsPort) {
        Path conf = writeConf();
        ResourceParams params = resourceParams(resourceCommand);
        List<String> args = new ArrayList<>(List.of("--configDir", conf.toString()));
        args.addAll(params.dynamicArgs());
        args.addAll(List.of("-D", "metrics.reporter.prom.port=" + metricsPort));
        List<String> command =
                new JavaCommand()
                        .marker(service, home)
                        .jvm(params.jvmOptions())
                        .jvm(JavaCommand.JAVA17_OPENS)
                        .jvm(
                                "-Dlog.file=" + home.logFile(service),
                                "-Dlog4j.configuration=file:" + conf.resolve("log4j.properties"),
                                "-Dlog4j.configurationFile=file:"
                                        + conf.resolve("log4j.properties"),
                                "-Dlogback.configurationFile=file:" + conf.resolve("logback.xml"))
                        .classpath(classpath())
                        .main(mainClass, args)
                        .build();
        process.start(command, home.dataDir("flink"), environment());
    }
}
