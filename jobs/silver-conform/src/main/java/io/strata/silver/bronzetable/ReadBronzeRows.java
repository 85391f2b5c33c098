package io.strata.silver.bronzetable;

import io.strata.model.QuarantineReason;
import io.strata.model.bronze.BronzeEvent;
import io.strata.silver.DecodeBronzeEvents;
import io.strata.silver.sink.QuarantineRows;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.table.data.RowData;
import org.apache.flink.util.Collector;
import org.apache.iceberg.Schema;

/**
 * Rows of Bronze's Iceberg table back into {@link BronzeEvent}s. A row that is no readable event (a
 * value the mapping does not know, such as an operation added by a later Bronze) goes to the same
 * quarantine as an unreadable topic record ({@link DecodeBronzeEvents#POISON}, reason {@code
 * UNSUPPORTED_ENVELOPE}) and is counted ({@code poisonRecords}), never a job failure.
 */
public final class ReadBronzeRows extends ProcessFunction<RowData, BronzeEvent> {

    private static final long serialVersionUID = 1L;

    private final BronzeTableRows.RowReader reader;
    private final String table;
    private transient Counter poison;

    public ReadBronzeRows(Schema schema, String table) {
        this.reader = BronzeTableRows.rowReader(schema);
        this.table = table;
    }

    @Override
    public void open(OpenContext openContext) {
        poison = getRuntimeContext().getMetricGroup().counter("poisonRecords");
    }

    @Override
    public void processElement(RowData row, Context ctx, Collector<BronzeEvent> out) {
        BronzeEvent event;
        try {
            event = reader.read(row);
        } catch (RuntimeException e) {
            poison.inc();
            ctx.output(
                    DecodeBronzeEvents.POISON,
                    QuarantineRows.unreadable(
                            table,
                            -1,
                            -1L,
                            null,
                            row.toString().getBytes(StandardCharsets.UTF_8),
                            QuarantineReason.UNSUPPORTED_ENVELOPE,
                            "a row of " + table + " that is no Bronze event: " + e,
                            Instant.ofEpochMilli(ctx.timerService().currentProcessingTime())));
            return;
        }
        out.collect(event);
    }
}
