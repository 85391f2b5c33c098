package io.strata.common.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.model.QuarantineReason;
import io.strata.model.gold.CustomerFeatures;
import io.strata.testing.TestServices;
import java.util.Arrays;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Every way bytes can be unreadable ends in one typed exception with reason POISON_AVRO. */
class PoisonAvroTest {

    private final RegistryClientConfig config =
            RegistryClientConfig.of(TestServices.registry().url());
    private final ConfluentAvroDeserializer<CustomerFeatures> deserializer =
            new ConfluentAvroDeserializer<>(CustomerFeatures.class, config);
    private final byte[] valid =
            ConfluentAvroSerializer.forValue(
                            CustomerFeatures.class, "poison-" + UUID.randomUUID(), config)
                    .serialize(TestRecords.activeCustomer());

    @Test
    void fewerBytesThanTheHeaderAreTruncated() {
        assertPoison(
                () -> deserializer.deserialize(new byte[0]), PoisonAvroException.Kind.TRUNCATED);
        assertPoison(
                () -> deserializer.deserialize(new byte[] {0, 0, 1}),
                PoisonAvroException.Kind.TRUNCATED);
    }

    @Test
    void aBodyEndingEarlyIsTruncated() {
        byte[] cut = Arrays.copyOf(valid, valid.length - 3);

        assertPoison(() -> deserializer.deserialize(cut), PoisonAvroException.Kind.TRUNCATED);
    }

    @Test
    void plainJsonHasTheWrongMagicByte() {
        byte[] json = "{\"tenant_id\":\"acme\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        assertPoison(
                        () -> deserializer.deserialize(json),
                        PoisonAvroException.Kind.WRONG_MAGIC_BYTE)
                .hasMessageContaining("0x7b");
    }

    @Test
    void anIdTheRegistryNeverGaveIsUnknown() {
        byte[] bytes = valid.clone();
        bytes[1] = 0x7f;

        assertPoison(
                        () -> deserializer.deserialize(bytes),
                        PoisonAvroException.Kind.UNKNOWN_SCHEMA_ID)
                .satisfies(e -> assertThat(((PoisonAvroException) e).schemaId()).isPositive());
    }

    @Test
    void garbageAfterAValidHeaderIsMalformed() {
        byte[] bytes = valid.clone();
        Arrays.fill(bytes, 5, bytes.length, (byte) 0xff);

        assertPoison(
                () -> deserializer.deserialize(bytes), PoisonAvroException.Kind.MALFORMED_PAYLOAD);
    }

    @Test
    void bytesLeftOverAfterTheRecordAreMalformed() {
        byte[] longer = Arrays.copyOf(valid, valid.length + 2);

        assertPoison(
                () -> deserializer.deserialize(longer), PoisonAvroException.Kind.MALFORMED_PAYLOAD);
    }

    @Test
    void aWriterSchemaTheReaderCannotResolveIsIncompatible() throws Exception {
        Schema foreign =
                new Schema.Parser()
                        .parse(
                                "{\"type\":\"record\",\"name\":\"CustomerFeatures\","
                                        + "\"namespace\":\"io.strata.model.gold\",\"fields\":"
                                        + "[{\"name\":\"tenant_id\",\"type\":\"long\"}]}");
        int id = new RegistryClient(config).register("foreign-" + UUID.randomUUID(), foreign);
        GenericRecord record = new GenericData.Record(foreign);
        record.put("tenant_id", 5L);
        byte[] bytes = ConfluentAvroSerdeTest.frame(id, record);

        assertPoison(
                        () -> deserializer.deserialize(bytes),
                        PoisonAvroException.Kind.INCOMPATIBLE_SCHEMA)
                .hasMessageContaining("tenant_id");
    }

    @Test
    void anUnreachableRegistryIsNotPoison() {
        ConfluentAvroDeserializer<CustomerFeatures> offline =
                new ConfluentAvroDeserializer<>(
                        CustomerFeatures.class, RegistryClientConfig.of("http://127.0.0.1:9"));

        assertThatThrownBy(() -> offline.deserialize(valid))
                .isInstanceOfSatisfying(
                        RegistryClientException.class, e -> assertThat(e.status()).isZero());
    }

    private static org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable>
            assertPoison(ThrowingCallable call, PoisonAvroException.Kind kind) {
        return assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        PoisonAvroException.class,
                        e -> {
                            assertThat(e.kind()).isEqualTo(kind);
                            assertThat(e.reason()).isEqualTo(QuarantineReason.POISON_AVRO);
                        });
    }
}
