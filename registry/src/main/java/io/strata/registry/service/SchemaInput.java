package io.strata.registry.service;

import java.util.List;

/** A schema as clients submit it to register, look up or check compatibility. */
public record SchemaInput(String schema, String schemaType, List<Object> references) {

    public static SchemaInput avro(String schema) {
        return new SchemaInput(schema, null, null);
    }
}
