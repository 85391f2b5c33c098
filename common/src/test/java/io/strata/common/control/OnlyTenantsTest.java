package io.strata.common.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.common.kafka.RawKafkaRecord;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.flink.streaming.api.operators.StreamFilter;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class OnlyTenantsTest {

    @Test
    void onlyTheNamedTenantsRecordsPassByTheTenantInTheirKey() throws Exception {
        try (var harness =
                new OneInputStreamOperatorTestHarness<RawKafkaRecord, RawKafkaRecord>(
                        new StreamFilter<>(
                                new OnlyTenants<>(List.of("acme"), OnlyTenants::ofKafkaKey)))) {
            harness.open();
            for (String key : new String[] {"acme|C-1", "acmex|C-2", "globex|C-1", "acme", null}) {
                harness.processElement(new StreamRecord<>(record(key)));
            }
            assertThat(harness.extractOutputValues())
                    .extracting(OnlyTenants::ofKafkaKey)
                    .containsExactly("acme", "acme");
        }
    }

    private static RawKafkaRecord record(String key) {
        RawKafkaRecord r = new RawKafkaRecord();
        r.topic = "silver.customer";
        r.key = key == null ? null : key.getBytes(StandardCharsets.UTF_8);
        r.value = new byte[0];
        return r;
    }
}
