package io.strata.workload;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strata.workload.raw.RawRecord;
import io.strata.workload.raw.RawStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Small, fast workloads and JSON helpers shared by the tests. */
public final class TestWorkloads {

    /** Parses numbers exactly: big integers stay exact, decimals become BigDecimal. */
    public static final ObjectMapper JSON =
            new ObjectMapper()
                    .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private TestWorkloads() {}

    /**
     * A small workload whose flows complete (compressed flow time) with small pools, so every
     * record type, version and fault shows up in a few thousand events.
     */
    public static WorkloadParams.Builder small(long seed, long events) {
        return WorkloadParams.builder()
                .seed(seed)
                .events(events)
                .set(WorkloadOptions.CUSTOMERS, 2_000)
                .set(WorkloadOptions.PRODUCTS, 300)
                .set(WorkloadOptions.FLOW_TIME_SCALE, 0.01)
                .set(WorkloadOptions.MAX_RECORD_BYTES, 8_192)
                .set(WorkloadOptions.OLTP_CUSTOMERS, 50)
                .set(WorkloadOptions.OLTP_PRODUCTS, 20)
                .set(WorkloadOptions.OLTP_CHANGES, 2_000)
                .set(WorkloadOptions.OLTP_BATCH_SIZE, 100);
    }

    public static List<RawRecord> records(WorkloadParams params) {
        List<RawRecord> out = new ArrayList<>();
        new RawStream(params).forEachRemaining(out::add);
        return out;
    }

    public static JsonNode parse(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
