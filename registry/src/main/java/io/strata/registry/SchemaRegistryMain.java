package io.strata.registry;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the registry as its own process for the local stack: {@code --bootstrap-servers HOST:PORT
 * [--port 8085] [--host 127.0.0.1] [--topic _schemas] …}; stops on SIGTERM.
 */
public final class SchemaRegistryMain {

    private static final String LOG_CONFIG = "log4j2.configurationFile";

    private SchemaRegistryMain() {}

    public static void main(String[] args) throws InterruptedException {
        // Before the first logger exists; an explicit setting from the command line wins.
        if (System.getProperty(LOG_CONFIG) == null) {
            System.setProperty(LOG_CONFIG, "classpath:strata-registry-log4j2.properties");
        }
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println(usage());
            return;
        }
        RegistryConfig config;
        try {
            config = RegistryConfig.fromOptions(parse(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n\n" + usage());
            System.exit(2);
            return;
        }
        run(config);
    }

    private static void run(RegistryConfig config) throws InterruptedException {
        SchemaRegistryServer server = SchemaRegistryServer.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    server.close();
                                    stopped.countDown();
                                }));
        System.out.println(
                "Schema registry listening on " + server.url() + " (topic " + config.topic() + ")");
        stopped.await();
    }

    /** Parses {@code --key value} pairs into option values. */
    static Map<RegistryOption, String> parse(String[] args) {
        Map<RegistryOption, String> options = new EnumMap<>(RegistryOption.class);
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("Expected --key value, got: " + args[i]);
            }
            String key = args[i].substring(2);
            int eq = key.indexOf('=');
            if (eq >= 0) {
                options.put(RegistryOption.forKey(key.substring(0, eq)), key.substring(eq + 1));
            } else if (i + 1 < args.length) {
                options.put(RegistryOption.forKey(key), args[++i]);
            } else {
                throw new IllegalArgumentException("Missing value for --" + key);
            }
        }
        return options;
    }

    /** The usage text, generated from {@link RegistryOption} so it cannot drift. */
    static String usage() {
        StringBuilder text = new StringBuilder("Usage: SchemaRegistryMain [options]\n");
        for (RegistryOption option : RegistryOption.values()) {
            String def = option.defaultValue() == null ? "required" : option.defaultValue();
            text.append(
                    String.format(
                            "  --%-22s %s (default: %s)%n",
                            option.key(), option.description(), def));
        }
        return text.toString();
    }
}
