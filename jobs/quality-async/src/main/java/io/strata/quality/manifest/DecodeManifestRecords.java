package io.strata.quality.manifest;

import io.strata.common.kafka.RawKafkaRecord;
import io.strata.common.quarantine.UnreadableRecords;
import io.strata.common.serde.ConfluentAvroDeserializer;
import io.strata.common.serde.PoisonAvroException;
import io.strata.common.serde.RegistryClientConfig;
import io.strata.model.Layer;
import io.strata.model.QuarantineReason;
import io.strata.model.ops.ManifestRecord;
import io.strata.model.ops.QuarantineRecord;
import java.time.Instant;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Reads the manifest topic's records (Confluent-framed Avro) into {@link ManifestRecord}s. Bytes
 * that are no readable record are quarantined as {@code POISON_AVRO} with their topic coordinates
 * (layer unknown: nothing in them can be trusted) and counted ({@code poisonRecords}), never a job
 * failure; an unreachable registry does fail the job.
 */
public final class DecodeManifestRecords extends ProcessFunction<RawKafkaRecord, ManifestRecord> {

    private static final long serialVersionUID = 1L;

    /** The unreadable records. */
    public static final OutputTag<QuarantineRecord> POISON =
            new OutputTag<>("manifest-poison", new AvroTypeInfo<>(QuarantineRecord.class));

    private final String job;
    private final ConfluentAvroDeserializer<ManifestRecord> deserializer;
    private transient Counter poison;

    public DecodeManifestRecords(String job, RegistryClientConfig registry) {
        this.job = job;
        this.deserializer = new ConfluentAvroDeserializer<>(ManifestRecord.class, registry);
    }

    @Override
    public void open(OpenContext openContext) {
        poison = getRuntimeContext().getMetricGroup().counter("poisonRecords");
    }

    @Override
    public void processElement(RawKafkaRecord record, Context ctx, Collector<ManifestRecord> out) {
        try {
            ManifestRecord m = deserializer.deserialize(record.value);
            if (m != null) {
                out.collect(m);
            } else {
                quarantine(
                        record, "an empty record (a Kafka tombstone) is no manifest record", ctx);
            }
        } catch (PoisonAvroException e) {
            quarantine(record, e.getMessage(), ctx);
        }
    }

    private void quarantine(RawKafkaRecord record, String detail, Context ctx) {
        poison.inc();
        ctx.output(
                POISON,
                UnreadableRecords.of(
                        Layer.UNKNOWN,
                        job,
                        record.topic,
                        record.partition,
                        record.offset,
                        record.key,
                        record.value,
                        QuarantineReason.POISON_AVRO,
                        detail,
                        Instant.ofEpochMilli(ctx.timerService().currentProcessingTime())));
    }
}
