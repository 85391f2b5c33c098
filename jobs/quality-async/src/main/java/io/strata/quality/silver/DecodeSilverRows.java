package io.strata.quality.silver;

import io.strata.common.kafka.RawKafkaRecord;
import io.strata.common.manifest.ValueChecksums;
import io.strata.common.quarantine.UnreadableRecords;
import io.strata.common.serde.PoisonAvroException;
import io.strata.common.serde.RegistryClientConfig;
import io.strata.model.Layer;
import io.strata.model.QuarantineReason;
import io.strata.model.ops.QuarantineRecord;
import io.strata.model.silver.Customer;
import io.strata.model.silver.EntityMeta;
import io.strata.model.silver.Order;
import io.strata.quality.reconcile.SilverEvidence;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Reads the Silver topics' records into what the rules check: a {@link RowProfile} of every live
 * row version (main output), and the orders and customers themselves ({@link #ORDERS}, {@link
 * #CUSTOMERS}); and, for the reconciliation with Gold, every row version of the topics Gold reads,
 * deleted ones included ({@link #ROWS}). Deleted rows (Silver's delete versions) and Kafka
 * tombstones are skipped: they say nothing about the data's quality. Unreadable records are
 * quarantined as {@code POISON_AVRO} with their coordinates, never a job failure.
 */
public final class DecodeSilverRows extends ProcessFunction<RawKafkaRecord, RowProfile> {

    private static final long serialVersionUID = 1L;

    public static final OutputTag<Order> ORDERS =
            new OutputTag<>("silver-orders", new AvroTypeInfo<>(Order.class));
    public static final OutputTag<Customer> CUSTOMERS =
            new OutputTag<>("silver-customers", new AvroTypeInfo<>(Customer.class));

    /**
     * The rows of the topics Gold reads that name their SILVER manifest record, each with its
     * value's checksum: what {@code ReconcileSilverWindows} holds GOLD's claims against.
     */
    public static final OutputTag<SilverEvidence> ROWS =
            new OutputTag<>("silver-rows", TypeInformation.of(SilverEvidence.class));

    public static final OutputTag<QuarantineRecord> POISON =
            new OutputTag<>("silver-poison", new AvroTypeInfo<>(QuarantineRecord.class));

    private final String job;
    private final RegistryClientConfig registry;
    private final String topicPrefix;
    private final HashSet<String> goldEntities;
    private transient SilverRowReader reader;
    private transient ValueChecksums checksums;

    /**
     * @param goldEntities the entities whose topics Gold reads: their rows go to {@link #ROWS}
     */
    public DecodeSilverRows(
            String job,
            RegistryClientConfig registry,
            String topicPrefix,
            Collection<String> goldEntities) {
        this.job = job;
        this.registry = registry;
        this.topicPrefix = topicPrefix;
        this.goldEntities = new HashSet<>(goldEntities);
    }

    @Override
    public void open(OpenContext openContext) {
        reader = new SilverRowReader(registry);
        checksums = new ValueChecksums();
    }

    @Override
    public void processElement(RawKafkaRecord record, Context ctx, Collector<RowProfile> out) {
        SilverTopic topic = SilverTopic.ofTopic(topicPrefix, record.topic);
        if (topic == null) {
            quarantine(record, "topic " + record.topic + " is no Silver entity topic", ctx);
            return;
        }
        if (record.value == null) {
            return; // a Kafka tombstone
        }
        try {
            SpecificRecordBase row = reader.read(topic, record);
            if (row == null) {
                quarantine(record, "an empty value is no Silver row", ctx);
                return;
            }
            EntityMeta meta = (EntityMeta) row.get("meta");
            if (meta.getManifestId() != null && goldEntities.contains(topic.entityName())) {
                ctx.output(
                        ROWS,
                        SilverEvidence.row(
                                meta.getManifestId(),
                                meta.getTenantId(),
                                record.topic,
                                checksums.prefix(record.value)));
            }
            if (!meta.getDeleted()) {
                emit(topic, row, ctx, out);
            }
        } catch (PoisonAvroException e) {
            quarantine(record, e.getMessage(), ctx);
        }
    }

    private static void emit(
            SilverTopic topic, SpecificRecordBase row, Context ctx, Collector<RowProfile> out) {
        out.collect(profile(topic, row));
        if (row instanceof Order o) {
            ctx.output(ORDERS, o);
        } else if (row instanceof Customer c) {
            ctx.output(CUSTOMERS, c);
        }
    }

    /** The profile of a live row of {@code topic}'s entity. */
    public static RowProfile profile(SilverTopic topic, SpecificRecordBase row) {
        List<String> fields = topic.nullableFields();
        boolean[] nulls = new boolean[fields.size()];
        for (int i = 0; i < nulls.length; i++) {
            nulls[i] = row.get(fields.get(i)) == null;
        }
        EntityMeta meta = (EntityMeta) row.get("meta");
        return new RowProfile(
                meta.getTenantId(),
                topic.entityName(),
                SilverEventTimes.eventTime(row),
                nulls,
                meta.getManifestId());
    }

    private void quarantine(RawKafkaRecord record, String detail, Context ctx) {
        ctx.output(
                POISON,
                UnreadableRecords.of(
                        Layer.SILVER,
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
