package io.strata.testing.registry;

import static io.strata.testing.registry.UserSchemas.EMPTY;
import static io.strata.testing.registry.UserSchemas.NAME_AS_INT;
import static io.strata.testing.registry.UserSchemas.NAME_AS_INT_WITH_DEFAULT;
import static io.strata.testing.registry.UserSchemas.V1;
import static io.strata.testing.registry.UserSchemas.WITH_REQUIRED_AGE;
import static org.assertj.core.api.Assertions.assertThat;

import io.strata.registry.RegistryConfig;
import io.strata.registry.SchemaRegistryServer;
import io.strata.testing.TestServices;
import java.util.UUID;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.avro.AvroSchema;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.CachedSchemaRegistryClient;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.rest.entities.Config;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.rest.exceptions.RestClientException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * All seven compatibility levels, set per subject and globally through Confluent's client. Each row
 * says whether the level accepts, after V1: a new required field (forward only), a dropped field
 * (backward only); and, after V1 then EMPTY, the name back as an int with a default, which fits
 * EMPTY but not V1, so only transitive levels refuse it.
 */
class CompatibilityLevelsTest {

    private static final String LEVELS_TABLE =
            """
            NONE,                true,  true,  true
            BACKWARD,            false, true,  true
            BACKWARD_TRANSITIVE, false, true,  false
            FORWARD,             true,  false, true
            FORWARD_TRANSITIVE,  true,  false, false
            FULL,                false, false, true
            FULL_TRANSITIVE,     false, false, false
            """;

    // Global levels get a registry of their own so they cannot leak into other tests.
    private static SchemaRegistryServer privateRegistry;

    @BeforeAll
    static void startPrivateRegistry() {
        privateRegistry =
                SchemaRegistryServer.start(
                        RegistryConfig.builder(TestServices.kafka().bootstrapServers())
                                .port(0)
                                .topic("_schemas-levels-" + UUID.randomUUID())
                                .build());
    }

    @AfterAll
    static void stopPrivateRegistry() {
        privateRegistry.close();
    }

    @ParameterizedTest(name = "subject level {0}")
    @CsvSource(textBlock = LEVELS_TABLE)
    void perSubjectLevel(String level, boolean requiredAge, boolean dropped, boolean transitiveOk)
            throws Exception {
        CachedSchemaRegistryClient client = client(TestServices.registry());
        Levels levels = subject -> client.updateConfig(subject, new Config(level));

        assertBehaviour(client, levels, requiredAge, dropped, transitiveOk);
        String probe = unique();
        levels.set(probe);
        assertThat(client.getConfig(probe).getCompatibilityLevel()).isEqualTo(level);
    }

    @ParameterizedTest(name = "global level {0}")
    @CsvSource(textBlock = LEVELS_TABLE)
    void globalLevel(String level, boolean requiredAge, boolean dropped, boolean transitiveOk)
            throws Exception {
        CachedSchemaRegistryClient client = client(privateRegistry);
        client.updateConfig(null, new Config(level));
        assertThat(client.getConfig(null).getCompatibilityLevel()).isEqualTo(level);

        assertBehaviour(client, subject -> {}, requiredAge, dropped, transitiveOk);
    }

    @Test
    void aSubjectLevelOverridesTheGlobalOneUntilDeleted() throws Exception {
        CachedSchemaRegistryClient client = client(privateRegistry);
        client.updateConfig(null, new Config("NONE"));
        String subject = unique();
        client.register(subject, V1);
        client.updateConfig(subject, new Config("BACKWARD"));

        assertThat(accepts(client, subject, NAME_AS_INT)).isFalse();
        client.deleteConfig(subject);
        assertThat(accepts(client, subject, NAME_AS_INT)).isTrue();
    }

    /** Sets the level under test for a subject (or relies on the global one). */
    private interface Levels {
        void set(String subject) throws Exception;
    }

    private static void assertBehaviour(
            CachedSchemaRegistryClient client,
            Levels levels,
            boolean requiredAge,
            boolean dropped,
            boolean transitiveOk)
            throws Exception {
        assertThat(acceptsAfterV1(client, levels, WITH_REQUIRED_AGE))
                .as("new required field")
                .isEqualTo(requiredAge);
        assertThat(acceptsAfterV1(client, levels, EMPTY)).as("dropped field").isEqualTo(dropped);
        assertThat(acceptsAfterHistory(client, levels))
                .as("compatible with the latest only")
                .isEqualTo(transitiveOk);
    }

    private static boolean acceptsAfterV1(
            CachedSchemaRegistryClient client, Levels levels, AvroSchema next) throws Exception {
        String subject = unique();
        levels.set(subject);
        client.register(subject, V1);
        return accepts(client, subject, next);
    }

    private static boolean acceptsAfterHistory(CachedSchemaRegistryClient client, Levels levels)
            throws Exception {
        String subject = unique();
        // The history itself is seeded without checks, whatever the level under test.
        client.updateConfig(subject, new Config("NONE"));
        client.register(subject, V1);
        client.register(subject, EMPTY);
        client.deleteConfig(subject);
        levels.set(subject);
        return accepts(client, subject, NAME_AS_INT_WITH_DEFAULT);
    }

    private static boolean accepts(CachedSchemaRegistryClient client, String subject, AvroSchema s)
            throws Exception {
        try {
            client.register(subject, s);
            return true;
        } catch (RestClientException e) {
            assertThat(e.getStatus()).isEqualTo(409);
            assertThat(e.getErrorCode()).isEqualTo(409);
            return false;
        }
    }

    private static CachedSchemaRegistryClient client(SchemaRegistryServer registry) {
        return new CachedSchemaRegistryClient(registry.url(), 100);
    }

    private static String unique() {
        return "levels-" + UUID.randomUUID() + "-value";
    }
}
