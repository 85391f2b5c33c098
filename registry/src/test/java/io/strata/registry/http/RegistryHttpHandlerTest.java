package io.strata.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.strata.registry.service.CompatibilityLevel;
import io.strata.registry.service.SchemaRegistryService;
import io.strata.registry.store.InMemorySchemaStore;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RegistryHttpHandlerTest {

    private static final String STRING_SCHEMA = "{\"schema\":\"\\\"string\\\"\"}";
    private static final String RECORD =
            "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}";

    private final RegistryHttpHandler handler =
            new RegistryHttpHandler(
                    new SchemaRegistryService(
                            new InMemorySchemaStore(), CompatibilityLevel.BACKWARD));

    @Test
    void registerAnswersTheIdAndGetByIdTheSchema() {
        assertThat(json(call("POST", "/subjects/s-value/versions", STRING_SCHEMA)))
                .isEqualTo("{\"id\":1}");
        assertThat(json(call("GET", "/schemas/ids/1", null))).isEqualTo(STRING_SCHEMA);
        assertThat(json(call("GET", "/schemas/ids/1/versions", null)))
                .isEqualTo("[{\"subject\":\"s-value\",\"version\":1}]");
        assertThat(json(call("GET", "/schemas/ids/1/schema", null))).isEqualTo("\"string\"");
    }

    @Test
    void versionBodiesCarrySubjectVersionIdAndSchema() {
        call("POST", "/subjects/s-value/versions", STRING_SCHEMA);

        assertThat(json(call("GET", "/subjects/s-value/versions/latest", null)))
                .isEqualTo(
                        "{\"subject\":\"s-value\",\"version\":1,\"id\":1,\"schema\":\"\\\"string\\\"\"}");
        assertThat(json(call("POST", "/subjects/s-value", STRING_SCHEMA)))
                .isEqualTo(
                        "{\"subject\":\"s-value\",\"version\":1,\"id\":1,\"schema\":\"\\\"string\\\"\"}");
        assertThat(json(call("GET", "/subjects", null))).isEqualTo("[\"s-value\"]");
        assertThat(json(call("GET", "/subjects/s-value/versions", null))).isEqualTo("[1]");
    }

    @Test
    void errorsUseConfluentsJsonAndCodes() {
        Reply missing = call("GET", "/subjects/x/versions", null);

        assertThat(missing.status()).isEqualTo(404);
        assertThat(json(missing))
                .isEqualTo("{\"error_code\":40401,\"message\":\"Subject 'x' not found.\"}");
        assertThat(code(call("GET", "/schemas/ids/42", null))).isEqualTo(40403);
        assertThat(code(call("GET", "/subjects/x/versions/abc", null))).isEqualTo(42202);
        assertThat(code(call("PUT", "/config", "{\"compatibility\":\"SIDEWAYS\"}")))
                .isEqualTo(42203);
        assertThat(code(call("POST", "/subjects/x/versions", "{\"schema\":\"{oops\"}")))
                .isEqualTo(42201);
        assertThat(code(call("POST", "/subjects/x/versions", "not json"))).isEqualTo(42201);
    }

    @Test
    void incompatibleRegistrationAnswers409() {
        call("POST", "/subjects/r/versions", schemaBody(RECORD));
        Reply reply =
                call("POST", "/subjects/r/versions", schemaBody(RECORD.replace("int", "string")));

        assertThat(reply.status()).isEqualTo(409);
        assertThat(code(reply)).isEqualTo(409);
    }

    @Test
    void unknownPathsAnswer404AndWrongMethods405() {
        assertThat(call("GET", "/nowhere", null).status()).isEqualTo(404);
        assertThat(call("PATCH", "/subjects", null).status()).isEqualTo(405);
    }

    @Test
    void compatibilityAnswersIsCompatibleAndMessagesWhenVerbose() {
        call("POST", "/subjects/r/versions", schemaBody(RECORD));
        String changed = schemaBody(RECORD.replace("int", "string"));

        assertThat(json(call("POST", "/compatibility/subjects/r/versions/latest", changed)))
                .isEqualTo("{\"is_compatible\":false}");
        JsonNode verbose =
                tree(
                        handler.answer(
                                "POST",
                                "/compatibility/subjects/r/versions/",
                                "verbose=true",
                                bytes(changed)));
        assertThat(verbose.get("messages").get(0).asText()).contains("TYPE_MISMATCH");
    }

    @Test
    void configIsReadAndWrittenInConfluentsShapes() {
        assertThat(json(call("GET", "/config", null)))
                .isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");
        assertThat(json(call("PUT", "/config/s", "{\"compatibility\":\"full_transitive\"}")))
                .isEqualTo("{\"compatibility\":\"FULL_TRANSITIVE\"}");
        assertThat(json(call("GET", "/config/s", null)))
                .isEqualTo("{\"compatibilityLevel\":\"FULL_TRANSITIVE\"}");
        assertThat(code(call("GET", "/config/other", null))).isEqualTo(40408);
        assertThat(json(handler.answer("GET", "/config/other", "defaultToGlobal=true", null)))
                .isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");
    }

    @Test
    void subjectsArePercentDecodedAndKeepTheirPlusSigns() {
        call("POST", "/subjects/a%2Fb+c/versions", STRING_SCHEMA);

        assertThat(json(call("GET", "/subjects", null))).isEqualTo("[\"a/b+c\"]");
    }

    @Test
    void deletesAnswerTheDeletedVersions() {
        call("POST", "/subjects/s/versions", STRING_SCHEMA);

        assertThat(json(call("DELETE", "/subjects/s/versions/1", null))).isEqualTo("1");
        assertThat(call("GET", "/subjects/s/versions/1", null).status()).isEqualTo(404);
        assertThat(json(handler.answer("DELETE", "/subjects/s", "permanent=true", null)))
                .isEqualTo("[1]");
    }

    @Test
    void typesAndModeAreAnswered() {
        assertThat(json(call("GET", "/schemas/types", null))).isEqualTo("[\"AVRO\"]");
        assertThat(json(call("GET", "/mode", null))).isEqualTo("{\"mode\":\"READWRITE\"}");
        assertThat(code(call("PUT", "/mode", "{\"mode\":\"IMPORT\"}"))).isEqualTo(42204);
    }

    private Reply call(String method, String path, String body) {
        return handler.answer(method, path, null, body == null ? null : bytes(body));
    }

    private static String schemaBody(String schema) {
        return "{\"schema\":" + quote(schema) + "}";
    }

    private static String quote(String text) {
        try {
            return Json.MAPPER.writeValueAsString(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String json(Reply reply) {
        if (reply.raw()) {
            return (String) reply.body();
        }
        try {
            return Json.MAPPER.writeValueAsString(reply.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode tree(Reply reply) {
        try {
            return Json.MAPPER.readTree(json(reply));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int code(Reply reply) {
        return tree(reply).get("error_code").asInt();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
