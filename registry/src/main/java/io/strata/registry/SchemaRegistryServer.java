package io.strata.registry;

import com.sun.net.httpserver.HttpServer;
import io.strata.registry.http.RegistryHttpHandler;
import io.strata.registry.service.SchemaRegistryService;
import io.strata.registry.store.KafkaSchemaStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** A running schema registry: the Kafka-backed store behind Confluent's REST API over HTTP. */
public final class SchemaRegistryServer implements AutoCloseable {

    private static final String NO_DELAY = "sun.net.httpserver.nodelay";

    private final RegistryConfig config;
    private final KafkaSchemaStore store;
    private final HttpServer http;
    private final ExecutorService executor;

    private SchemaRegistryServer(
            RegistryConfig config, KafkaSchemaStore store, HttpServer http, ExecutorService e) {
        this.config = config;
        this.store = store;
        this.http = http;
        this.executor = e;
    }

    /** Replays the schemas topic, then starts serving; returns once requests are answered. */
    public static SchemaRegistryServer start(RegistryConfig config) {
        // Without TCP_NODELAY the JDK server's small replies wait ~40 ms on delayed ACKs; the
        // setting is read once per JVM, so an explicit one from the command line wins.
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
        KafkaSchemaStore store =
                KafkaSchemaStore.open(config.topic(), config.kafkaProperties(), config.timeout());
        ExecutorService executor =
                Executors.newFixedThreadPool(config.httpThreads(), daemonThreads());
        try {
            SchemaRegistryService registry =
                    new SchemaRegistryService(store, config.defaultCompatibility());
            HttpServer http =
                    HttpServer.create(new InetSocketAddress(config.host(), config.port()), 64);
            http.createContext("/", new RegistryHttpHandler(registry));
            http.setExecutor(executor);
            http.start();
            return new SchemaRegistryServer(config, store, http, executor);
        } catch (IOException | RuntimeException e) {
            executor.shutdownNow();
            store.close();
            throw e instanceof IOException io
                    ? new UncheckedIOException("Could not bind " + address(config), io)
                    : (RuntimeException) e;
        }
    }

    private static String address(RegistryConfig config) {
        return config.host() + ":" + config.port();
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "schema-registry-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** The port actually bound (a free one when the config asked for 0). */
    public int port() {
        return http.getAddress().getPort();
    }

    /** The base URL clients use as {@code schema.registry.url}. */
    public String url() {
        String host = config.host();
        // A wildcard address is not something a client can connect to.
        if (host.equals("0.0.0.0") || host.equals("::")) {
            host = "localhost";
        } else if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return "http://" + host + ":" + port();
    }

    public RegistryConfig config() {
        return config;
    }

    @Override
    public void close() {
        http.stop(0);
        executor.shutdownNow();
        store.close();
    }
}
