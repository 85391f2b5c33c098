package io.strata.tools.stack;

import java.util.List;
import java.util.Map;

/** The Confluent-compatible Schema Registry, storing schemas in a compacted Kafka topic. */
public final class RegistryService extends ManagedService {

    public static final String NAME = "registry";

    public RegistryService(StackHome home) {
        super(home, NAME);
    }

    @Override
    public int port() {
        return home.get(StackOptions.REGISTRY_PORT);
    }

    @Override
    public String endpoint() {
        return "http://localhost:" + port();
    }

    @Override
    public void start() {
        List<String> args =
                List.of(
                        "--bootstrap-servers",
                        "localhost:" + home.get(StackOptions.KAFKA_PORT),
                        "--port",
                        Integer.toString(port()),
                        "--topic",
                        home.get(StackOptions.REGISTRY_TOPIC));
        List<String> command =
                new JavaCommand()
                        .marker(NAME, home)
                        .jvm("-Xmx256m", "-Dlog4j2.configurationFile=" + home.serviceLogConfig())
                        .classpath(home.toolsLib() + "/*")
                        .main("io.strata.registry.SchemaRegistryMain", args)
                        .build();
        process().start(command, home.dataDir(NAME), Map.of());
    }

    @Override
    public boolean isReady() {
        return Probes.httpGet(endpoint() + "/subjects").isPresent();
    }
}
