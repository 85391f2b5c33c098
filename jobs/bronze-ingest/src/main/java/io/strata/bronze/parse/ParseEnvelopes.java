package io.strata.bronze.parse;

import io.strata.common.kafka.RawKafkaRecord;
import io.strata.model.QuarantineReason;
import io.strata.model.bronze.BronzeEvent;
import io.strata.model.ops.QuarantineRecord;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Parses raw records into Bronze events; refused records leave through {@link #QUARANTINE}.
 * Metrics: {@code rawRecordsIn}, {@code accepted}, {@code tombstones}, and {@code quarantined}
 * under a {@code reason} group per reason code.
 */
public final class ParseEnvelopes extends ProcessFunction<RawKafkaRecord, BronzeEvent> {

    private static final long serialVersionUID = 1L;

    /** Refused records, with their reason and source coordinates. */
    public static final OutputTag<QuarantineRecord> QUARANTINE =
            new OutputTag<>("quarantine", new AvroTypeInfo<>(QuarantineRecord.class));

    private final ParserSettings settings;

    private transient EnvelopeParser parser;
    private transient Counter in;
    private transient Counter accepted;
    private transient Counter tombstones;
    private transient Map<QuarantineReason, Counter> quarantined;

    public ParseEnvelopes(ParserSettings settings) {
        this.settings = settings;
    }

    @Override
    public void open(OpenContext openContext) {
        parser = new EnvelopeParser(settings);
        MetricGroup metrics = getRuntimeContext().getMetricGroup();
        in = metrics.counter("rawRecordsIn");
        accepted = metrics.counter("accepted");
        tombstones = metrics.counter("tombstones");
        quarantined = new EnumMap<>(QuarantineReason.class);
        for (QuarantineReason reason : QuarantineReason.values()) {
            quarantined.put(
                    reason, metrics.addGroup("reason", reason.name()).counter("quarantined"));
        }
    }

    @Override
    public void processElement(RawKafkaRecord raw, Context ctx, Collector<BronzeEvent> out) {
        in.inc();
        ParseResult result = parser.parse(raw, Instant.ofEpochMilli(System.currentTimeMillis()));
        if (result instanceof ParseResult.Accepted a) {
            accepted.inc();
            out.collect(a.event());
        } else if (result instanceof ParseResult.Refused r) {
            quarantined.get(r.quarantine().getReason()).inc();
            ctx.output(QUARANTINE, r.quarantine());
        } else {
            tombstones.inc();
        }
    }
}
