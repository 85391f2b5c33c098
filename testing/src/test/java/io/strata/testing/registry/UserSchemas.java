package io.strata.testing.registry;

import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.avro.AvroSchema;

/** Named versions of one test record, as the shaded Confluent client's schema type. */
final class UserSchemas {

    /** {@code User} with a name. */
    static final AvroSchema V1 = user("{\"name\":\"name\",\"type\":\"string\"}");

    /** V1 plus an optional email: compatible in both directions. */
    static final AvroSchema WITH_EMAIL =
            user(
                    "{\"name\":\"name\",\"type\":\"string\"},"
                            + "{\"name\":\"email\",\"type\":[\"null\",\"string\"],\"default\":null}");

    /** V1 plus a required age, no default: forward compatible only. */
    static final AvroSchema WITH_REQUIRED_AGE =
            user("{\"name\":\"name\",\"type\":\"string\"},{\"name\":\"age\",\"type\":\"int\"}");

    /** The name turned into an int: compatible in no direction. */
    static final AvroSchema NAME_AS_INT = user("{\"name\":\"name\",\"type\":\"int\"}");

    /** No fields: backward compatible with V1, not forward. */
    static final AvroSchema EMPTY = user("");

    /** The name as an int with a default: reads and is read by EMPTY, but not V1. */
    static final AvroSchema NAME_AS_INT_WITH_DEFAULT =
            user("{\"name\":\"name\",\"type\":\"int\",\"default\":0}");

    private UserSchemas() {}

    private static AvroSchema user(String fields) {
        return new AvroSchema(
                "{\"type\":\"record\",\"name\":\"User\",\"namespace\":\"test\",\"fields\":["
                        + fields
                        + "]}");
    }
}
