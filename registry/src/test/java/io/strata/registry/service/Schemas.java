package io.strata.registry.service;

/** Named test schemas of one record evolving over time. */
final class Schemas {

    /** {@code User} with a name. */
    static final String USER_V1 = user("{\"name\":\"name\",\"type\":\"string\"}");

    /** V1 plus an optional email with a default: backward and forward compatible with V1. */
    static final String USER_WITH_EMAIL =
            user(
                    "{\"name\":\"name\",\"type\":\"string\"},"
                            + "{\"name\":\"email\",\"type\":[\"null\",\"string\"],\"default\":null}");

    /** V1 plus a required age without default: forward compatible only. */
    static final String USER_WITH_REQUIRED_AGE =
            user("{\"name\":\"name\",\"type\":\"string\"},{\"name\":\"age\",\"type\":\"int\"}");

    /** V1 with the name turned into an int: compatible in no direction. */
    static final String USER_NAME_AS_INT = user("{\"name\":\"name\",\"type\":\"int\"}");

    /** No fields at all: backward compatible with V1 (drops name), not forward. */
    static final String USER_EMPTY = user("");

    private Schemas() {}

    static String user(String fields) {
        return "{\"type\":\"record\",\"name\":\"User\",\"namespace\":\"test\",\"fields\":["
                + fields
                + "]}";
    }

    static SchemaInput input(String schema) {
        return SchemaInput.avro(schema);
    }
}
