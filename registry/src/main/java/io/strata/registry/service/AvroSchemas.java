package io.strata.registry.service;

import java.util.Locale;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/** Parses submitted schemas; only Avro without references is served. */
final class AvroSchemas {

    private AvroSchemas() {}

    /** The parsed schema, or 422/42201 with the parser's reason. */
    static Schema parse(SchemaInput input) {
        String type = input.schemaType() == null ? "AVRO" : input.schemaType();
        if (!type.toUpperCase(Locale.ROOT).equals("AVRO")) {
            throw RegistryException.invalidSchema(
                    "Invalid schema type " + type + ": this registry supports AVRO only");
        }
        if (input.references() != null && !input.references().isEmpty()) {
            throw RegistryException.invalidSchema("Schema references are not supported");
        }
        if (input.schema() == null || input.schema().isBlank()) {
            throw RegistryException.invalidSchema("Empty schema");
        }
        return parseAvro(input.schema());
    }

    private static Schema parseAvro(String text) {
        try {
            return new Schema.Parser().parse(text);
        } catch (SchemaParseException | NullPointerException e) {
            throw RegistryException.invalidSchema("Invalid schema " + text + ": " + e.getMessage());
        } catch (RuntimeException e) {
            // The parser throws plain runtime exceptions for some malformed inputs.
            throw RegistryException.invalidSchema("Invalid schema " + text + ": " + e);
        }
    }

    /** The text under which a schema is stored and compared: Avro's own normal JSON form. */
    static String canonical(Schema schema) {
        return schema.toString();
    }
}
