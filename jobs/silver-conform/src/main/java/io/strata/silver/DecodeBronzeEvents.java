package io.strata.silver;

import io.strata.common.kafka.RawKafkaRecord;
import io.strata.common.serde.ConfluentAvroDeserializer;
import io.strata.common.serde.PoisonAvroException;
import io.strata.common.serde.RegistryClientConfig;
import io.strata.model.QuarantineReason;
import io.strata.model.bronze.BronzeEvent;
import io.strata.model.ops.QuarantineRecord;
import io.strata.silver.sink.QuarantineRows;
import java.time.Instant;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Reads the Bronze topic's records (Confluent-framed Avro) into {@link BronzeEvent}s. Bytes that
 * are no readable event (bad framing, unknown schema id, corrupt body, an empty value) are
 * quarantined as {@code POISON_AVRO} with their topic coordinates and counted ({@code
 * poisonRecords}), never a job failure; an unreachable registry is an infrastructure failure and
 * does fail the job.
 */
public final class DecodeBronzeEvents extends ProcessFunction<RawKafkaRecord, BronzeEvent> {

    private static final long serialVersionUID = 1L;

    /** The unreadable records. */
    public static final OutputTag<QuarantineRecord> POISON =
            new OutputTag<>("bronze-poison", new AvroTypeInfo<>(QuarantineRecord.class));

    private final ConfluentAvroDeserializer<BronzeEvent> deserializer;
    private transient Counter poison;

    public DecodeBronzeEvents(RegistryClientConfig registry) {
        this.deserializer = new ConfluentAvroDeserializer<>(BronzeEvent.class, registry);
    }

    @Override
    public void open(OpenContext openContext) {
        poison = getRuntimeContext().getMetricGroup().counter("poisonRecords");
    }

    @Override
    public void processElement(RawKafkaRecord record, Context ctx, Collector<BronzeEvent> out) {
        try {
            BronzeEvent event = deserializer.deserialize(record.value);
            if (event != null) {
                out.collect(event);
            } else {
                quarantine(record, "an empty record (a Kafka tombstone) is no Bronze event", ctx);
            }
        } catch (PoisonAvroException e) {
            quarantine(record, e.getMessage(), ctx);
        }
    }

    private void quarantine(RawKafkaRecord record, String detail, Context ctx) {
        poison.inc();
        ctx.output(
                POISON,
                QuarantineRows.unreadable(
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
