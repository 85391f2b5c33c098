package io.strata.registry.service;

import static io.strata.registry.service.Schemas.USER_NAME_AS_INT;
import static io.strata.registry.service.Schemas.USER_V1;
import static io.strata.registry.service.Schemas.USER_WITH_EMAIL;
import static io.strata.registry.service.Schemas.USER_WITH_REQUIRED_AGE;
import static io.strata.registry.service.Schemas.input;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.registry.store.InMemorySchemaStore;
import io.strata.registry.store.SchemaVersion;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class SchemaRegistryServiceTest {

    private final SchemaRegistryService registry =
            new SchemaRegistryService(new InMemorySchemaStore(), CompatibilityLevel.BACKWARD);

    @Test
    void registeringTheSameSchemaTwiceGivesTheSameIdAndOneVersion() {
        int first = registry.register("users-value", input(USER_V1));
        int again = registry.register("users-value", input(USER_V1));

        assertThat(again).isEqualTo(first).isEqualTo(1);
        assertThat(registry.versions("users-value", false)).containsExactly(1);
    }

    @Test
    void equalSchemasShareOneIdAcrossSubjectsWhateverTheirWhitespace() {
        int a = registry.register("a-value", input(USER_V1));
        int b = registry.register("b-value", input(USER_V1.replace(",", " ,\n ")));

        assertThat(b).isEqualTo(a);
        assertThat(registry.versionsById(a, false))
                .extracting(SchemaVersion::subject)
                .containsExactly("a-value", "b-value");
    }

    @Test
    void evolutionWithADefaultIsAcceptedUnderBackward() {
        registry.register("users-value", input(USER_V1));
        int id = registry.register("users-value", input(USER_WITH_EMAIL));

        assertThat(id).isEqualTo(2);
        assertThat(registry.version("users-value", "latest", false).version()).isEqualTo(2);
    }

    @Test
    void aRequiredNewFieldIsRejectedUnderBackwardWith409() {
        registry.register("users-value", input(USER_V1));

        assertError(() -> registry.register("users-value", input(USER_WITH_REQUIRED_AGE)), 409, 409)
                .hasMessageContaining("incompatible with an earlier schema for subject")
                .hasMessageContaining("READER_FIELD_MISSING_DEFAULT_VALUE");
    }

    @Test
    void aChangedTypeIsRejected() {
        registry.register("users-value", input(USER_V1));

        assertError(() -> registry.register("users-value", input(USER_NAME_AS_INT)), 409, 409)
                .hasMessageContaining("TYPE_MISMATCH");
    }

    @Test
    void lookupFindsTheVersionOfASchema() {
        registry.register("users-value", input(USER_V1));
        registry.register("users-value", input(USER_WITH_EMAIL));

        SchemaVersion found = registry.lookup("users-value", input(USER_WITH_EMAIL), false);

        assertThat(found.version()).isEqualTo(2);
        assertThat(found.id()).isEqualTo(2);
        assertError(
                () -> registry.lookup("users-value", input(USER_NAME_AS_INT), false), 404, 40403);
        assertError(() -> registry.lookup("nobody", input(USER_V1), false), 404, 40401);
    }

    @Test
    void unknownThingsAnswerConfluentsNotFoundCodes() {
        registry.register("users-value", input(USER_V1));

        assertError(() -> registry.schemaById(99), 404, 40403);
        assertError(() -> registry.versions("nobody", false), 404, 40401);
        assertError(() -> registry.version("nobody", "1", false), 404, 40401);
        assertError(() -> registry.version("users-value", "7", false), 404, 40402)
                .hasMessage("Version 7 not found.");
    }

    @Test
    void invalidInputAnswers422WithTheRightCode() {
        assertError(() -> registry.register("s", input("{\"type\":\"recrd\"}")), 422, 42201);
        assertError(() -> registry.register("s", input("")), 422, 42201);
        assertError(
                        () -> registry.register("s", new SchemaInput("{}", "PROTOBUF", null)),
                        422,
                        42201)
                .hasMessageContaining("AVRO only");
        assertError(() -> registry.version("s", "zero", false), 422, 42202);
        assertError(() -> registry.version("s", "0", false), 422, 42202);
        assertError(() -> registry.levels().setGlobal("SIDEWAYS"), 422, 42203);
    }

    @Test
    void softDeletedVersionsDisappearButKeepTheirIdAndNumber() {
        int id = registry.register("users-value", input(USER_V1));
        registry.register("users-value", input(USER_WITH_EMAIL));

        assertThat(registry.deleteVersion("users-value", "1", false)).isEqualTo(1);

        assertThat(registry.versions("users-value", false)).containsExactly(2);
        assertThat(registry.versions("users-value", true)).containsExactly(1, 2);
        assertError(() -> registry.version("users-value", "1", false), 404, 40402);
        assertThat(registry.schemaById(id)).isNotNull();
        assertError(() -> registry.deleteVersion("users-value", "1", false), 404, 40406);
    }

    @Test
    void reRegisteringASoftDeletedSchemaGetsANewVersionAndTheOldId() {
        int id = registry.register("users-value", input(USER_V1));
        registry.deleteSubject("users-value", false);

        assertThat(registry.register("users-value", input(USER_V1))).isEqualTo(id);
        assertThat(registry.versions("users-value", false)).containsExactly(2);
    }

    @Test
    void permanentDeleteNeedsASoftDeleteFirst() {
        registry.register("users-value", input(USER_V1));

        assertError(() -> registry.deleteSubject("users-value", true), 404, 40405);
        assertError(() -> registry.deleteVersion("users-value", "1", true), 404, 40407);
        assertThat(registry.deleteSubject("users-value", false)).containsExactly(1);
        assertError(() -> registry.deleteSubject("users-value", false), 404, 40404);
        assertThat(registry.deleteSubject("users-value", true)).containsExactly(1);

        assertThat(registry.subjects(null, true)).isEmpty();
        assertError(() -> registry.schemaById(1), 404, 40403);
    }

    @Test
    void subjectsListsLiveSubjectsByPrefix() {
        registry.register("orders-value", input(USER_V1));
        registry.register("orders-key", input("\"string\""));
        registry.register("users-value", input(USER_V1));
        registry.deleteSubject("users-value", false);

        assertThat(registry.subjects(null, false)).containsExactly("orders-key", "orders-value");
        assertThat(registry.subjects("orders-v", false)).containsExactly("orders-value");
        assertThat(registry.subjects(null, true)).hasSize(3);
    }

    @Test
    void subjectLevelOverridesTheGlobalOneUntilDeleted() {
        registry.register("users-value", input(USER_V1));
        assertError(() -> registry.levels().subjectLevel("users-value", false), 404, 40408);

        registry.levels().setSubjectLevel("users-value", "forward");
        assertThat(registry.levels().subjectLevel("users-value", false))
                .isEqualTo(CompatibilityLevel.FORWARD);
        assertThat(registry.register("users-value", input(USER_WITH_REQUIRED_AGE))).isEqualTo(2);

        assertThat(registry.levels().deleteSubjectLevel("users-value"))
                .isEqualTo(CompatibilityLevel.FORWARD);
        assertThat(registry.levels().subjectLevel("users-value", true))
                .isEqualTo(CompatibilityLevel.BACKWARD);
    }

    @Test
    void globalLevelDefaultsToTheConfiguredOneAndResets() {
        assertThat(registry.levels().global()).isEqualTo(CompatibilityLevel.BACKWARD);

        registry.levels().setGlobal("NONE");
        registry.register("users-value", input(USER_V1));
        registry.register("users-value", input(USER_NAME_AS_INT));

        assertThat(registry.levels().resetGlobal()).isEqualTo(CompatibilityLevel.NONE);
        assertThat(registry.levels().global()).isEqualTo(CompatibilityLevel.BACKWARD);
    }

    @Test
    void compatibilityCheckAgainstOneVersionOrTheLevelsVersions() {
        registry.register("users-value", input(USER_V1));

        assertThat(registry.checkCompatibility("users-value", "latest", input(USER_WITH_EMAIL)))
                .isEmpty();
        assertThat(registry.checkCompatibility("users-value", "1", input(USER_NAME_AS_INT)))
                .isNotEmpty()
                .last()
                .isEqualTo("{compatibility: 'BACKWARD'}");
        assertThat(registry.checkCompatibility("users-value", null, input(USER_WITH_EMAIL)))
                .isEmpty();
        assertThat(registry.checkCompatibility("new-subject", "latest", input(USER_V1))).isEmpty();
        assertError(
                () -> registry.checkCompatibility("users-value", "9", input(USER_V1)), 404, 40402);
    }

    @Test
    void schemasListsEveryVersionOrTheLatestPerSubject() {
        registry.register("users-value", input(USER_V1));
        registry.register("users-value", input(USER_WITH_EMAIL));

        assertThat(registry.schemas(null, false, false)).hasSize(2);
        List<SchemaVersion> latest = registry.schemas(null, false, true);
        assertThat(latest).extracting(SchemaVersion::version).containsExactly(2);
    }

    static org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> assertError(
            ThrowingCallable call, int status, int errorCode) {
        return assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        RegistryException.class,
                        e -> {
                            assertThat(e.status()).as("status").isEqualTo(status);
                            assertThat(e.errorCode()).as("error_code").isEqualTo(errorCode);
                        });
    }
}
