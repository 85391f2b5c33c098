package io.strata.testing.registry;

import static io.strata.testing.registry.UserSchemas.NAME_AS_INT;
import static io.strata.testing.registry.UserSchemas.V1;
import static io.strata.testing.registry.UserSchemas.WITH_EMAIL;
import static io.strata.testing.registry.UserSchemas.WITH_REQUIRED_AGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.testing.TestServices;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.CachedSchemaRegistryClient;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.SchemaMetadata;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.rest.exceptions.RestClientException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** The registry driven by Confluent's own client (the copy shaded into Flink's format jar). */
class ConfluentClientTest {

    private final CachedSchemaRegistryClient client =
            new CachedSchemaRegistryClient(TestServices.registry().url(), 100);
    private final String subject = "client-" + UUID.randomUUID() + "-value";

    @Test
    void registersAndResolvesById() throws Exception {
        int id = client.register(subject, V1);

        assertThat(client.getSchemaById(id).canonicalString()).isEqualTo(V1.canonicalString());
        assertThat(client.getAllSubjects()).contains(subject);
        assertThat(client.getAllVersions(subject)).containsExactly(1);
        assertThat(client.getAllSubjectsById(id)).contains(subject);
    }

    @Test
    void theSameSchemaGetsTheSameIdAlsoFromAFreshClientAndAnotherSubject() throws Exception {
        int id = client.register(subject, V1);
        CachedSchemaRegistryClient fresh =
                new CachedSchemaRegistryClient(TestServices.registry().url(), 100);

        assertThat(fresh.register(subject, V1)).isEqualTo(id);
        assertThat(fresh.register(subject + "-other", V1)).isEqualTo(id);
        assertThat(fresh.getAllVersions(subject)).containsExactly(1);
        assertThat(fresh.getId(subject, V1)).isEqualTo(id);
        assertThat(fresh.getVersion(subject, V1)).isEqualTo(1);
    }

    @Test
    void compatibleEvolutionIsAcceptedUnderTheDefaultBackward() throws Exception {
        int first = client.register(subject, V1);
        int second = client.register(subject, WITH_EMAIL);

        assertThat(second).isNotEqualTo(first);
        SchemaMetadata latest = client.getLatestSchemaMetadata(subject);
        assertThat(latest.getVersion()).isEqualTo(2);
        assertThat(latest.getId()).isEqualTo(second);
        assertThat(client.testCompatibility(subject, WITH_EMAIL)).isTrue();
    }

    @Test
    void aFieldWithoutDefaultIsRejectedWith409() throws Exception {
        client.register(subject, V1);

        assertRestError(() -> client.register(subject, WITH_REQUIRED_AGE), 409, 409);
        assertThat(client.testCompatibility(subject, WITH_REQUIRED_AGE)).isFalse();
        assertThat(client.testCompatibilityVerbose(subject, WITH_REQUIRED_AGE))
                .anyMatch(m -> m.contains("READER_FIELD_MISSING_DEFAULT_VALUE"));
    }

    @Test
    void aChangedTypeIsRejectedWith409() throws Exception {
        client.register(subject, V1);

        assertRestError(() -> client.register(subject, NAME_AS_INT), 409, 409)
                .hasMessageContaining("incompatible with an earlier schema");
    }

    @Test
    void aDeletedVersionAnswers404() throws Exception {
        client.register(subject, V1);
        client.register(subject, WITH_EMAIL);

        assertThat(client.deleteSchemaVersion(subject, "1")).isEqualTo(1);

        assertRestError(() -> client.getSchemaMetadata(subject, 1), 404, 40402);
        assertThat(client.getAllVersions(subject)).containsExactly(2);
        assertThat(client.deleteSubject(subject)).containsExactly(2);
        assertRestError(() -> client.getLatestSchemaMetadata(subject), 404, 40401);
        assertThat(client.deleteSubject(subject, true)).containsExactly(1, 2);
    }

    @Test
    void unknownIdsAndSubjectsAnswerConfluentsCodes() {
        assertRestError(() -> client.getSchemaById(987_654), 404, 40403);
        assertRestError(() -> client.getAllVersions(subject), 404, 40401);
    }

    @Test
    void curlStyleJsonRequestsGetTheRegistryMediaType() throws Exception {
        HttpResponse<String> response =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(
                                                URI.create(
                                                        TestServices.registry().url()
                                                                + "/subjects/"
                                                                + subject
                                                                + "/versions"))
                                        .header("Content-Type", "application/json")
                                        .POST(
                                                HttpRequest.BodyPublishers.ofString(
                                                        "{\"schema\": \"\\\"string\\\"\"}"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).matches("\\{\"id\":\\d+}");
        assertThat(response.headers().firstValue("Content-Type"))
                .contains("application/vnd.schemaregistry.v1+json");
    }

    static org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> assertRestError(
            ThrowingCallable call, int status, int errorCode) {
        return assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        RestClientException.class,
                        e -> {
                            assertThat(e.getStatus()).as("HTTP status").isEqualTo(status);
                            assertThat(e.getErrorCode()).as("error_code").isEqualTo(errorCode);
                        });
    }
}
