package io.strata.bronze.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.util.ListCollector;
import org.junit.jupiter.api.Test;

class ToKafkaRecordsTest {

    private static final byte[] KEY = bytes("{\"tenant_id\":\"acme\",\"customer_id\":7}");
    private static final byte[] VALUE = bytes("{\"op\":\"x\"}");

    private final ToKafkaRecords toRecords = new ToKafkaRecords("cdc.");

    @Test
    void everyChangeGoesToItsTablesTopicUnchanged() {
        for (String op : List.of("r", "c", "u")) {
            List<KafkaChangeRecord> out =
                    apply(new ChangeEvent("platform", "customers", op, KEY, VALUE));

            assertThat(out).hasSize(1);
            assertThat(out.get(0).topic).isEqualTo("cdc.platform.customers");
            assertThat(out.get(0).key).isSameAs(KEY);
            assertThat(out.get(0).value).isSameAs(VALUE);
        }
    }

    @Test
    void aDeleteIsFollowedByATombstoneWithTheSameKey() {
        List<KafkaChangeRecord> out =
                apply(new ChangeEvent("platform", "tenants", "d", KEY, VALUE));

        assertThat(out).hasSize(2);
        assertThat(out.get(0).value).isSameAs(VALUE);
        assertThat(out.get(1).topic).isEqualTo("cdc.platform.tenants");
        assertThat(out.get(1).key).isSameAs(KEY);
        assertThat(out.get(1).value).isNull();
    }

    @Test
    void aDeleteWithoutKeyHasNoTombstone() {
        assertThat(apply(new ChangeEvent("platform", "audit", "d", null, VALUE))).hasSize(1);
    }

    private List<KafkaChangeRecord> apply(ChangeEvent change) {
        List<KafkaChangeRecord> out = new ArrayList<>();
        toRecords.flatMap(change, new ListCollector<>(out));
        return out;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
