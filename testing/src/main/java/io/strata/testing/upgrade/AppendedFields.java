package io.strata.testing.upgrade;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.compiler.specific.SpecificCompiler;
import org.apache.avro.generic.GenericData;

/**
 * An Avro record of v1 with the fields v2 appends to it. Each file of {@code appended-fields/} is a
 * record schema with the full name of a v1 record and only the new fields, each with a default (so
 * v2 reads what v1 wrote); v1's schema comes from v1's generated class, so the v2 schema cannot
 * drift from it. The class is generated as the schemas module generates v1's.
 */
final class AppendedFields {

    private AppendedFields() {}

    /**
     * Writes the v2 class of the record {@code appendedFile} names under {@code out} (its package
     * path); returns the source file.
     */
    static Path generate(Path appendedFile, ClassLoader v1, Path out) {
        try {
            Schema appended = new Schema.Parser().parse(appendedFile.toFile());
            Schema v2 = appendedTo(v1Schema(appended.getFullName(), v1), appended, appendedFile);
            Path all = Files.createTempDirectory("avro-v2");
            SpecificCompiler compiler = new SpecificCompiler(v2);
            compiler.setStringType(GenericData.StringType.String);
            compiler.setEnableDecimalLogicalType(true);
            compiler.setFieldVisibility(SpecificCompiler.FieldVisibility.PRIVATE);
            compiler.compileToDestination(null, all.toFile());
            // Only the record itself: the named types inside it are v1's, unchanged.
            String file = v2.getFullName().replace('.', File.separatorChar) + ".java";
            Path source = out.resolve(file);
            Files.createDirectories(source.getParent());
            Files.copy(all.resolve(file), source, StandardCopyOption.REPLACE_EXISTING);
            Sources.delete(all);
            return source;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot generate v2 of " + appendedFile, e);
        }
    }

    private static Schema v1Schema(String record, ClassLoader v1) {
        try {
            Object schema = Class.forName(record, false, v1).getField("SCHEMA$").get(null);
            return new Schema.Parser().parse(schema.toString());
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("v1 has no Avro record " + record, e);
        }
    }

    private static Schema appendedTo(Schema v1, Schema appended, Path file) {
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field f : v1.getFields()) {
            fields.add(new Schema.Field(f, f.schema()));
        }
        for (Schema.Field f : appended.getFields()) {
            if (v1.getField(f.name()) != null || !f.hasDefaultValue()) {
                throw new IllegalArgumentException(
                        file + ": field " + f.name() + " must be new and have a default");
            }
            fields.add(new Schema.Field(f, f.schema()));
        }
        Schema v2 =
                Schema.createRecord(
                        v1.getName(), v1.getDoc(), v1.getNamespace(), v1.isError(), fields);
        v1.getObjectProps().forEach(v2::addProp);
        return v2;
    }
}
