/**
 * The project's Avro serde in Confluent's wire format (magic byte 0, 4-byte big-endian schema id,
 * Avro binary), for the generated classes of {@code io.strata.model}: a small registry client,
 * {@link io.strata.common.serde.ConfluentAvroSerializer} and {@link
 * io.strata.common.serde.ConfluentAvroDeserializer}, and their Flink and Kafka wrappers. Bytes are
 * interchangeable with Confluent's own serializers and Flink's {@code avro-confluent} format.
 *
 * <p>Unreadable bytes raise {@link io.strata.common.serde.PoisonAvroException} (quarantine reason
 * {@code POISON_AVRO}); an unreachable registry raises {@link
 * io.strata.common.serde.RegistryClientException}, which should fail and restart the job instead.
 */
package io.strata.common.serde;
