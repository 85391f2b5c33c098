package io.strata.common.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.strata.common.config.StrataOptions;
import io.strata.common.kafka.AvroTopics;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.avro.Schema;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A registry behind basic authentication (Confluent Cloud, a secured Confluent Platform): the
 * client sends the configured credentials on every request, from {@code
 * strata.schema-registry.basic-auth.user-info}.
 */
class RegistryBasicAuthTest {

    private static final String USER_INFO = "strata:pa:ss";
    private static final Schema SCHEMA = Schema.create(Schema.Type.STRING);

    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private HttpServer registry;

    @BeforeEach
    void start() throws Exception {
        registry = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String expected =
                "Basic "
                        + Base64.getEncoder()
                                .encodeToString(USER_INFO.getBytes(StandardCharsets.UTF_8));
        registry.createContext(
                "/",
                exchange -> {
                    String auth = exchange.getRequestHeaders().getFirst("Authorization");
                    authorizations.add(String.valueOf(auth));
                    boolean ok = expected.equals(auth);
                    byte[] body =
                            (ok ? "{\"id\": 7}" : "{\"error_code\": 401, \"message\": \"no\"}")
                                    .getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(ok ? 200 : 401, body.length);
                    exchange.getResponseBody().write(body);
                    exchange.close();
                });
        registry.start();
    }

    @AfterEach
    void stop() {
        registry.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + registry.getAddress().getPort();
    }

    @Test
    void theConfiguredCredentialsAreSentAsBasicAuthentication() {
        Configuration config = new Configuration();
        config.set(StrataOptions.SCHEMA_REGISTRY_URL, url());
        config.set(StrataOptions.SCHEMA_REGISTRY_BASIC_AUTH, USER_INFO);

        int id = new RegistryClient(AvroTopics.registry(config)).register("t-value", SCHEMA);

        assertThat(id).isEqualTo(7);
        assertThat(authorizations).hasSize(1);
    }

    @Test
    void withoutCredentialsNoneAreSentAndTheRegistryRefuses() {
        assertThatThrownBy(
                        () ->
                                new RegistryClient(RegistryClientConfig.of(url()))
                                        .register("t-value", SCHEMA))
                .hasMessageContaining("401");
        assertThat(authorizations).containsExactly("null");
    }
}
