package io.strata.tools.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;

/**
 * Where the stack lives: the repository it was built from and the state directory ({@code .strata/}
 * by default) holding each service's data, logs and PID files.
 */
public final class StackHome {

    private final Path repo;
    private final Path home;
    private final Configuration settings;

    public StackHome(Path repo, Path home, Configuration settings) {
        this.repo = repo;
        this.home = home;
        this.settings = settings;
    }

    /**
     * Resolves the repository from {@code -Dstrata.repo} (set by the {@code strata} script) and the
     * state directory from {@code STRATA_HOME}, defaulting to {@code <repo>/.strata}.
     */
    public static StackHome fromEnvironment() {
        Path repo = Path.of(System.getProperty("strata.repo", ".")).toAbsolutePath().normalize();
        String env = System.getenv("STRATA_HOME");
        Path home = env == null || env.isBlank() ? repo.resolve(".strata") : Path.of(env);
        home = home.toAbsolutePath().normalize();
        return new StackHome(repo, home, loadSettings(home, System.getenv()));
    }

    /** Settings file values, overridden by {@code STRATA_*} environment variables. */
    static Configuration loadSettings(Path home, Map<String, String> env) {
        Map<String, String> values = new HashMap<>();
        Path file = home.resolve("stack.properties");
        if (Files.isRegularFile(file)) {
            Properties props = new Properties();
            try (InputStream in = Files.newInputStream(file)) {
                props.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
            props.forEach((k, v) -> values.put(k.toString(), v.toString()));
        }
        for (ConfigOption<?> option : StackOptions.all()) {
            String value = env.get(envName(option.key()));
            if (value != null) {
                values.put(option.key(), value);
            }
        }
        return Configuration.fromMap(values);
    }

    /** {@code stack.kafka.port} → {@code STRATA_STACK_KAFKA_PORT}. */
    static String envName(String key) {
        return "STRATA_" + key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    public <T> T get(ConfigOption<T> option) {
        return settings.get(option);
    }

    public Path repo() {
        return repo;
    }

    public Path home() {
        return home;
    }

    /** Data directory of a service, created on demand. */
    public Path dataDir(String service) {
        return mkdirs(home.resolve(service));
    }

    public Path logFile(String service) {
        return mkdirs(home.resolve("logs")).resolve(service + ".log");
    }

    public Path pidFile(String service) {
        return mkdirs(home.resolve("run")).resolve(service + ".pid");
    }

    /** The jars of the {@code tools} module: the CLI, the Kafka broker and the registry. */
    public Path toolsLib() {
        return repo.resolve("tools/target/lib");
    }

    /** The Flink distribution's lib directory resolved by the {@code flink-dist} module. */
    public Path flinkLib() {
        return repo.resolve("flink-dist/target/lib");
    }

    /** Jars on the SQL client's classpath only ({@code flink-python}), resolved by flink-dist. */
    public Path sqlClientLib() {
        return repo.resolve("flink-dist/target/sql-client-lib");
    }

    /** Connector jars the SQL client ships with each statement ({@code -j}), from flink-dist. */
    public Path sqlConnectors() {
        return repo.resolve("flink-dist/target/sql-connectors");
    }

    /** The Flink configuration directory generated for this stack. */
    public Path flinkConf() {
        return home.resolve("flink/conf");
    }

    /** The log4j2 configuration of the service JVMs, written out of the tools jar on demand. */
    public Path serviceLogConfig() {
        Path file = mkdirs(home.resolve("conf")).resolve("service-log4j2.properties");
        try (InputStream in =
                StackHome.class.getResourceAsStream("/strata-service-log4j2.properties")) {
            Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    static String version() {
        String v = StackHome.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }

    private static Path mkdirs(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + dir, e);
        }
    }
}
