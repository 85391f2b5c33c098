package io.strata.silver.tenants;

import io.strata.common.config.StrataOptions;
import io.strata.common.flink.JobConfig;
import io.strata.common.kafka.KafkaClientProperties;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * {@code java -cp silver-conform.jar io.strata.silver.tenants.TenantsTool}: validates tenant
 * configuration files with the job's own rules, and publishes valid ones to the configuration topic
 * the running job reads ({@code ./strata tenants validate|publish} call it). Nothing is published
 * unless every given file is valid.
 *
 * <pre>
 * validate PATH...
 * publish (--bootstrap-servers HOST:PORT | --config strata.yaml) [--topic config.tenants] PATH...
 * remove  (--bootstrap-servers HOST:PORT | --config strata.yaml) [--topic config.tenants] TENANT...
 * </pre>
 *
 * {@code --config} takes the jobs' configuration file, for a Kafka cluster that needs the profile's
 * SASL/TLS settings ({@code strata.kafka.client.*}).
 *
 * <p>Exit codes: 0 done, 1 invalid configuration, 2 usage.
 */
public final class TenantsTool {

    private final PrintStream out;
    private final PrintStream err;

    TenantsTool(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new TenantsTool(System.out, System.err).run(List.of(args)));
    }

    int run(List<String> args) {
        if (args.isEmpty()) {
            return usage();
        }
        String command = args.get(0);
        List<String> rest = new ArrayList<>(args.subList(1, args.size()));
        String bootstrap = option(rest, "--bootstrap-servers", null);
        String configFile = option(rest, "--config", null);
        String topic = option(rest, "--topic", "config.tenants");
        if (rest.isEmpty()
                || (!command.equals("validate") && bootstrap == null && configFile == null)) {
            return usage();
        }
        return switch (command) {
            case "validate" -> validate(paths(rest)) == null ? 1 : 0;
            case "publish" -> publish(paths(rest), client(configFile, bootstrap), topic);
            case "remove" -> remove(rest, client(configFile, bootstrap), topic);
            default -> usage();
        };
    }

    /**
     * The Kafka client settings: the jobs' configuration file's (a cluster's SASL/TLS settings,
     * strata.kafka.client.*, and its bootstrap servers) when given, {@code --bootstrap-servers}
     * winning over its servers. Read without Flink's classes: ./strata runs this tool with the job
     * jar alone, which has none (only compile-time constants of Flink-typed classes here).
     */
    private static Properties client(String configFile, String bootstrap) {
        Properties props = new Properties();
        if (configFile != null) {
            Map<String, String> file = JobConfig.readFile(Path.of(configFile));
            file.forEach(
                    (key, value) -> {
                        if (key.startsWith(KafkaClientProperties.PREFIX)) {
                            props.put(key.substring(KafkaClientProperties.PREFIX.length()), value);
                        }
                    });
            String servers = file.get(StrataOptions.KAFKA_BOOTSTRAP_SERVERS_KEY);
            if (servers != null) {
                props.put("bootstrap.servers", servers);
            }
        }
        if (bootstrap != null) {
            props.put("bootstrap.servers", bootstrap);
        }
        return props;
    }

    /** The valid updates, or null after printing every error. */
    private List<TenantConfigUpdate> validate(List<Path> paths) {
        TenantConfigFiles.Loaded loaded = TenantConfigFiles.load(paths);
        if (!loaded.isValid()) {
            loaded.errors().forEach(e -> err.println(e));
            err.println(loaded.errors().size() + " error(s); nothing is valid until all are fixed");
            return null;
        }
        for (TenantConfigUpdate u : loaded.updates()) {
            out.println("valid  " + u.tenant + "  version " + u.configVersion + "  " + u.source);
        }
        return loaded.updates();
    }

    private int publish(List<Path> paths, Properties client, String topic) {
        List<TenantConfigUpdate> updates = validate(paths);
        if (updates == null) {
            return 1;
        }
        try (TenantConfigPublisher publisher = new TenantConfigPublisher(client, topic)) {
            for (TenantConfigUpdate u : updates) {
                out.println("published " + u.tenant + " to " + publisher.publish(u));
            }
        }
        return 0;
    }

    private int remove(List<String> tenants, Properties client, String topic) {
        try (TenantConfigPublisher publisher = new TenantConfigPublisher(client, topic)) {
            for (String tenant : tenants) {
                out.println(
                        "removed "
                                + tenant
                                + " at "
                                + publisher.publish(TenantConfigUpdate.removal(tenant, "cli")));
            }
        }
        return 0;
    }

    private static String option(List<String> args, String name, String fallback) {
        int i = args.indexOf(name);
        if (i < 0 || i + 1 >= args.size()) {
            return fallback;
        }
        String value = args.get(i + 1);
        args.subList(i, i + 2).clear();
        return value;
    }

    private static List<Path> paths(List<String> args) {
        return args.stream().map(Path::of).toList();
    }

    private int usage() {
        err.println(
                "usage: validate PATH... | publish (--bootstrap-servers HOST:PORT | --config"
                        + " FILE) [--topic T] PATH... | remove (--bootstrap-servers HOST:PORT |"
                        + " --config FILE) [--topic T] TENANT...");
        return 2;
    }
}
