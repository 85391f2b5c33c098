package io.strata.silver.tenants;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.common.kafka.RawKafkaRecord;
import java.nio.charset.StandardCharsets;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class ReadTenantConfigsTest {

    @Test
    void aValidConfigurationIsPassedOnWithItsVersion() throws Exception {
        try (var harness = harness()) {
            harness.processElement(record("hooli", Hooli.YAML, 3), 0);

            assertThat(harness.extractOutputValues())
                    .containsExactly(
                            new TenantConfigUpdate(
                                    "hooli", "config.tenants/0@3", Hooli.YAML, Hooli.VERSION));
        }
    }

    @Test
    void anInvalidConfigurationIsRejected() throws Exception {
        String broken = Hooli.YAML.replace("\"@.count\"", "{path: \"@.count\", type: nope}");
        try (var harness = harness()) {
            harness.processElement(record("hooli", broken, 4), 0);
            harness.processElement(record("hooli", "tenant: [", 5), 0);

            assertThat(harness.extractOutputValues()).isEmpty();
        }
    }

    @Test
    void aConfigurationUnderAnotherTenantsKeyIsRejected() throws Exception {
        try (var harness = harness()) {
            harness.processElement(record("acme", Hooli.YAML, 6), 0);
            harness.processElement(record(null, Hooli.YAML, 7), 0);

            assertThat(harness.extractOutputValues()).isEmpty();
        }
    }

    @Test
    void aNullValueRemovesTheTenant() throws Exception {
        try (var harness = harness()) {
            harness.processElement(record("hooli", null, 8), 0);

            assertThat(harness.extractOutputValues())
                    .singleElement()
                    .satisfies(u -> assertThat(u.isRemoval()).isTrue());
        }
    }

    private static OneInputStreamOperatorTestHarness<RawKafkaRecord, TenantConfigUpdate> harness()
            throws Exception {
        return ProcessFunctionTestHarnesses.forProcessFunction(new ReadTenantConfigs());
    }

    private static RawKafkaRecord record(String tenant, String yaml, long offset) {
        return new RawKafkaRecord(
                "config.tenants",
                0,
                offset,
                0L,
                tenant == null ? null : tenant.getBytes(StandardCharsets.UTF_8),
                yaml == null ? null : yaml.getBytes(StandardCharsets.UTF_8));
    }
}
