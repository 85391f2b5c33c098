package io.strata.registry.store;

/** One version of a subject: which global schema id it names, and whether it is soft-deleted. */
public record SchemaVersion(String subject, int version, int id, String schema, boolean deleted) {

    /** This version marked as soft-deleted. */
    public SchemaVersion asDeleted() {
        return new SchemaVersion(subject, version, id, schema, true);
    }
}
