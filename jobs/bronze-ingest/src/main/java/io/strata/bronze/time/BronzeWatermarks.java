package io.strata.bronze.time;

import io.strata.model.bronze.BronzeEvent;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/** Event-time watermarks of Bronze events: bounded out-of-orderness, with idleness. */
public final class BronzeWatermarks {

    private BronzeWatermarks() {}

    public static WatermarkStrategy<BronzeEvent> strategy(
            Duration outOfOrderness, Duration idleness) {
        return WatermarkStrategy.<BronzeEvent>forBoundedOutOfOrderness(outOfOrderness)
                .withIdleness(idleness)
                .withTimestampAssigner((event, previous) -> event.getEventTime().toEpochMilli());
    }
}
