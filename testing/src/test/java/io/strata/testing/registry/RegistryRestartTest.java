package io.strata.testing.registry;

import static io.strata.testing.registry.UserSchemas.EMPTY;
import static io.strata.testing.registry.UserSchemas.V1;
import static io.strata.testing.registry.UserSchemas.WITH_EMAIL;
import static io.strata.testing.registry.UserSchemas.WITH_REQUIRED_AGE;
import static org.assertj.core.api.Assertions.assertThat;

import io.strata.registry.RegistryConfig;
import io.strata.registry.SchemaRegistryServer;
import io.strata.testing.TestServices;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.avro.AvroSchema;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.CachedSchemaRegistryClient;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.rest.entities.Config;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.rest.entities.Schema;
import org.junit.jupiter.api.Test;

/** A registry restarted on the same topic answers exactly as before: the topic is the truth. */
class RegistryRestartTest {

    private final RegistryConfig config =
            RegistryConfig.builder(TestServices.kafka().bootstrapServers())
                    .port(0)
                    .topic("_schemas-restart-" + UUID.randomUUID())
                    .build();

    @Test
    void everyIdSubjectVersionAndLevelResolvesIdenticallyAfterARestart() throws Exception {
        List<Integer> ids;
        String before;
        try (SchemaRegistryServer registry = SchemaRegistryServer.start(config)) {
            ids = populate(new CachedSchemaRegistryClient(registry.url(), 100));
            before = snapshot(registry.url(), ids);
        }

        try (SchemaRegistryServer restarted = SchemaRegistryServer.start(config)) {
            assertThat(snapshot(restarted.url(), ids)).isEqualTo(before);
            // The next new schema continues the id sequence, even past a permanently deleted id.
            int next =
                    new CachedSchemaRegistryClient(restarted.url(), 100)
                            .register("after-restart-value", WITH_REQUIRED_AGE);
            assertThat(next).isEqualTo(Collections.max(ids) + 1);
        }
    }

    /** Registers, evolves, deletes and configures a few subjects; returns the ids given. */
    private static List<Integer> populate(CachedSchemaRegistryClient client) throws Exception {
        List<Integer> ids = new ArrayList<>();
        ids.add(client.register("users-value", V1));
        ids.add(client.register("users-value", WITH_EMAIL));
        ids.add(client.register("copies-value", V1));
        client.updateConfig("drops-value", new Config("NONE"));
        ids.add(client.register("drops-value", EMPTY));
        ids.add(client.register("drops-value", V1));
        client.deleteSchemaVersion("drops-value", "1");
        client.updateConfig(null, new Config("FULL_TRANSITIVE"));
        ids.add(client.register("gone-value", new AvroSchema("\"long\"")));
        client.deleteSubject("gone-value");
        client.deleteSubject("gone-value", true);
        return ids;
    }

    /**
     * Everything a fresh client (nothing cached) observes about the ids and all subjects, soft
     * deleted versions included, as one text.
     */
    private static String snapshot(String url, List<Integer> ids) throws Exception {
        CachedSchemaRegistryClient client = new CachedSchemaRegistryClient(url, 100);
        TreeMap<String, Object> seen = new TreeMap<>();
        for (int id : ids) {
            seen.put("id " + id, describeId(url, id));
        }
        for (String subject : client.getAllSubjects(true)) {
            for (int version : client.getAllVersions(subject, true)) {
                Schema s = client.getByVersion(subject, version, true);
                seen.put(subject + " v" + version, s.getId() + " " + s.getSchema());
            }
            seen.put(subject + " versions", client.getAllVersions(subject, false));
            seen.put(subject + " level", level(client, subject));
        }
        seen.put("global level", client.getConfig(null).getCompatibilityLevel());
        return seen.toString();
    }

    private static String describeId(String url, int id) {
        try {
            return new CachedSchemaRegistryClient(url, 10).getSchemaById(id).canonicalString();
        } catch (Exception e) {
            return "missing: " + e.getMessage();
        }
    }

    private static String level(CachedSchemaRegistryClient client, String subject) {
        try {
            return client.getConfig(subject).getCompatibilityLevel();
        } catch (Exception e) {
            return "unset";
        }
    }
}
