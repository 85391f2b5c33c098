package io.strata.gold.input;

import io.strata.common.kafka.RawKafkaRecord;
import io.strata.common.manifest.ManifestTally;
import io.strata.common.quarantine.UnreadableRecords;
import io.strata.common.serde.ConfluentAvroDeserializer;
import io.strata.common.serde.PoisonAvroException;
import io.strata.common.serde.RegistryClientConfig;
import io.strata.model.Layer;
import io.strata.model.QuarantineReason;
import io.strata.model.ops.QuarantineRecord;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Reads the Silver topics' records (Confluent-framed Avro) into each entity's Avro class, on the
 * entity's side output ({@link SilverEntity#tag()}); the main output is unused. Bytes that are no
 * readable row (bad framing, unknown schema id, corrupt body, an empty value) are quarantined as
 * {@code POISON_AVRO} with their topic coordinates and counted ({@code poisonRecords}), never a job
 * failure; Kafka tombstones (null values, compaction's delete markers) are counted ({@code
 * tombstones}) and skipped; an unreachable registry is an infrastructure failure and does fail the
 * job.
 *
 * <p>Every row read is tallied for the Gold manifest ({@link #TALLIES}, see {@link
 * SilverRowTallies}); the unreadable records are tallied from {@link #POISON}.
 */
public final class DecodeSilverRows extends ProcessFunction<RawKafkaRecord, Void> {

    private static final long serialVersionUID = 1L;

    public static final String JOB = "gold-features";

    /** The unreadable records. */
    public static final OutputTag<QuarantineRecord> POISON =
            new OutputTag<>("silver-poison", new AvroTypeInfo<>(QuarantineRecord.class));

    /** One manifest tally per row read, with the Silver manifest id it carries as lineage. */
    public static final OutputTag<ManifestTally> TALLIES =
            new OutputTag<>("silver-row-tallies", TypeInformation.of(ManifestTally.class));

    private final RegistryClientConfig registry;
    private final String topicPrefix;
    private transient Map<SilverEntity, ConfluentAvroDeserializer<SpecificRecordBase>> readers;
    private transient SilverRowTallies tallies;
    private transient Counter poison;
    private transient Counter tombstones;

    public DecodeSilverRows(RegistryClientConfig registry, String topicPrefix) {
        this.registry = registry;
        this.topicPrefix = topicPrefix;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void open(OpenContext openContext) {
        poison = getRuntimeContext().getMetricGroup().counter("poisonRecords");
        tombstones = getRuntimeContext().getMetricGroup().counter("tombstones");
        tallies = new SilverRowTallies();
        readers = new EnumMap<>(SilverEntity.class);
        for (SilverEntity e : SilverEntity.values()) {
            readers.put(
                    e,
                    new ConfluentAvroDeserializer<>(
                            (Class<SpecificRecordBase>) e.type(), registry));
        }
    }

    @Override
    public void processElement(RawKafkaRecord record, Context ctx, Collector<Void> out) {
        SilverEntity entity = SilverEntity.ofTopic(topicPrefix, record.topic);
        if (entity == null) {
            quarantine(record, "topic " + record.topic + " is no Silver entity topic", ctx);
            return;
        }
        if (record.value == null) {
            // A Kafka tombstone: compaction's delete marker after a deleted row, nothing to read.
            tombstones.inc();
            return;
        }
        try {
            SpecificRecordBase row = readers.get(entity).deserialize(record.value);
            if (row != null) {
                ctx.output(entity.tag(), row);
                ctx.output(TALLIES, tallies.accepted(record, row));
            } else {
                quarantine(record, "an empty value is no Silver row", ctx);
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
                        Layer.GOLD,
                        JOB,
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
