package io.strata.registry.http;

import io.strata.registry.service.CompatibilityLevel;
import io.strata.registry.service.CompatibilityLevels;
import io.strata.registry.service.RegistryException;
import io.strata.registry.service.SchemaInput;
import io.strata.registry.service.SchemaRegistryService;
import io.strata.registry.store.SchemaVersion;
import java.util.List;
import java.util.Map;

/** Binds Confluent's REST paths to the registry's operations. */
final class RegistryRoutes {

    private static final String READWRITE = "READWRITE";

    private final SchemaRegistryService registry;

    private RegistryRoutes(SchemaRegistryService registry) {
        this.registry = registry;
    }

    static Router router(SchemaRegistryService registry) {
        RegistryRoutes routes = new RegistryRoutes(registry);
        Router router = new Router().route("GET", "/", r -> Reply.ok(Map.of()));
        routes.schemas(router);
        routes.subjects(router);
        routes.compatibility(router);
        routes.config(router);
        routes.mode(router);
        return router;
    }

    private void schemas(Router router) {
        router.route("GET", "/schemas", this::allSchemas)
                .route("GET", "/schemas/types", r -> Reply.ok(List.of("AVRO")))
                .route("GET", "/schemas/ids/{id}", this::schemaById)
                .route("GET", "/schemas/ids/{id}/schema", r -> Reply.rawJson(schemaText(r)))
                .route("GET", "/schemas/ids/{id}/subjects", this::subjectsById)
                .route("GET", "/schemas/ids/{id}/versions", this::versionsById);
    }

    private void subjects(Router router) {
        router.route("GET", "/subjects", this::subjectNames)
                .route("POST", "/subjects/{subject}", this::lookup)
                .route("DELETE", "/subjects/{subject}", this::deleteSubject)
                .route("GET", "/subjects/{subject}/versions", this::versionNumbers)
                .route("POST", "/subjects/{subject}/versions", this::register)
                .route("GET", "/subjects/{subject}/versions/{version}", this::version)
                .route("GET", "/subjects/{subject}/versions/{version}/schema", this::versionSchema)
                .route("GET", "/subjects/{subject}/versions/{version}/referencedby", this::refs)
                .route("DELETE", "/subjects/{subject}/versions/{version}", this::deleteVersion);
    }

    private void compatibility(Router router) {
        router.route("POST", "/compatibility/subjects/{subject}/versions", this::compatible)
                .route(
                        "POST",
                        "/compatibility/subjects/{subject}/versions/{version}",
                        this::compatible);
    }

    private void config(Router router) {
        CompatibilityLevels levels = registry.levels();
        router.route("GET", "/config", r -> config(levels.global()))
                .route("PUT", "/config", r -> configSet(levels.setGlobal(level(r))))
                .route("DELETE", "/config", r -> config(levels.resetGlobal()))
                .route("GET", "/config/{subject}", this::subjectConfig)
                .route("PUT", "/config/{subject}", this::setSubjectConfig)
                .route("DELETE", "/config/{subject}", this::deleteSubjectConfig);
    }

    private void mode(Router router) {
        // Only READWRITE exists here; tools still ask for it.
        router.route("GET", "/mode", r -> Reply.ok(new Api.Mode(READWRITE)))
                .route("PUT", "/mode", this::setMode)
                .route("GET", "/mode/{subject}", r -> Reply.ok(new Api.Mode(READWRITE)))
                .route("PUT", "/mode/{subject}", this::setMode);
    }

    private Reply allSchemas(Request r) {
        List<SchemaVersion> schemas =
                registry.schemas(r.query("subjectPrefix"), r.flag("deleted"), r.flag("latestOnly"));
        return Reply.ok(schemas.stream().map(Api.VersionResponse::of).toList());
    }

    private Reply schemaById(Request r) {
        String schema = schemaText(r);
        Integer maxId = r.flag("fetchMaxId") ? registry.maxId() : null;
        return Reply.ok(new Api.SchemaResponse(schema, maxId));
    }

    private String schemaText(Request r) {
        return registry.schemaById(id(r));
    }

    private Reply subjectsById(Request r) {
        List<SchemaVersion> versions = registry.versionsById(id(r), r.flag("deleted"));
        return Reply.ok(versions.stream().map(SchemaVersion::subject).distinct().toList());
    }

    private Reply versionsById(Request r) {
        List<SchemaVersion> versions = registry.versionsById(id(r), r.flag("deleted"));
        return Reply.ok(versions.stream().map(Api.SubjectVersion::of).toList());
    }

    private Reply subjectNames(Request r) {
        return Reply.ok(registry.subjects(r.query("subjectPrefix"), r.flag("deleted")));
    }

    private Reply lookup(Request r) {
        SchemaInput input = r.body(SchemaInput.class);
        SchemaVersion found = registry.lookup(subject(r), input, r.flag("deleted"));
        return Reply.ok(Api.VersionResponse.of(found));
    }

    private Reply deleteSubject(Request r) {
        return Reply.ok(registry.deleteSubject(subject(r), r.flag("permanent")));
    }

    private Reply versionNumbers(Request r) {
        return Reply.ok(registry.versions(subject(r), r.flag("deleted")));
    }

    private Reply register(Request r) {
        return Reply.ok(
                new Api.IdResponse(registry.register(subject(r), r.body(SchemaInput.class))));
    }

    private Reply version(Request r) {
        return Reply.ok(Api.VersionResponse.of(findVersion(r)));
    }

    private Reply versionSchema(Request r) {
        return Reply.rawJson(findVersion(r).schema());
    }

    private Reply refs(Request r) {
        findVersion(r);
        // Schema references are not supported, so nothing refers to anything.
        return Reply.ok(List.of());
    }

    private SchemaVersion findVersion(Request r) {
        return registry.version(subject(r), r.param("version"), r.flag("deleted"));
    }

    private Reply deleteVersion(Request r) {
        return Reply.ok(
                registry.deleteVersion(subject(r), r.param("version"), r.flag("permanent")));
    }

    private Reply compatible(Request r) {
        SchemaInput input = r.body(SchemaInput.class);
        List<String> problems = registry.checkCompatibility(subject(r), r.param("version"), input);
        List<String> messages = r.flag("verbose") ? problems : null;
        return Reply.ok(new Api.CompatibilityResponse(problems.isEmpty(), messages));
    }

    private Reply subjectConfig(Request r) {
        return config(registry.levels().subjectLevel(subject(r), r.flag("defaultToGlobal")));
    }

    private Reply setSubjectConfig(Request r) {
        return configSet(registry.levels().setSubjectLevel(subject(r), level(r)));
    }

    private Reply deleteSubjectConfig(Request r) {
        return config(registry.levels().deleteSubjectLevel(subject(r)));
    }

    private Reply setMode(Request r) {
        String mode = r.body(Api.Mode.class).mode();
        if (!READWRITE.equalsIgnoreCase(mode)) {
            throw RegistryException.invalidMode(mode);
        }
        return Reply.ok(new Api.Mode(READWRITE));
    }

    private static Reply config(CompatibilityLevel level) {
        return Reply.ok(new Api.ConfigResponse(level.name()));
    }

    private static Reply configSet(CompatibilityLevel level) {
        return Reply.ok(new Api.ConfigUpdate(level.name(), null));
    }

    private static String level(Request r) {
        return r.body(Api.ConfigUpdate.class).level();
    }

    private static String subject(Request r) {
        return r.param("subject");
    }

    private static int id(Request r) {
        String text = r.param("id");
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new RegistryException(404, 40403, "Schema " + text + " not found");
        }
    }
}
