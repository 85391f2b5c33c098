package io.strata.silver.tenants;

import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * Watermarks of the tenant configuration stream: none, and the stream is always idle. It is the
 * broadcast side of the conform operator, whose watermark is the minimum of both inputs; an idle
 * side leaves it to the Bronze events' event time.
 */
public final class TenantConfigWatermarks {

    private TenantConfigWatermarks() {}

    public static <T> WatermarkStrategy<T> alwaysIdle() {
        return context -> new AlwaysIdle<>();
    }

    private static final class AlwaysIdle<T> implements WatermarkGenerator<T> {
        @Override
        public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {}

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {
            output.markIdle();
        }
    }
}
