package io.strata.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.common.config.StrataOptions;
import java.time.Duration;
import org.apache.flink.api.common.serialization.SimpleStringSchema;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.junit.jupiter.api.Test;

class KafkaSinksTest {

    private static final KafkaRecordSerializationSchema<String> STRINGS =
            KafkaRecordSerializationSchema.<String>builder()
                    .setTopic("t")
                    .setValueSerializationSchema(new SimpleStringSchema())
                    .build();

    @Test
    void aTransactionTimeoutAboveTheBrokersMaximumIsRefusedAtStartUp() {
        Configuration config = new Configuration();
        config.set(StrataOptions.KAFKA_TRANSACTION_TIMEOUT, Duration.ofHours(1));

        assertThatThrownBy(() -> KafkaSinks.create(config, "prefix", STRINGS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("strata.kafka.transaction-timeout");
    }

    @Test
    void clientPropertiesPassThroughWithoutTheirPrefix() {
        Configuration config = new Configuration();
        config.setString("strata.kafka.client.security.protocol", "SSL");

        assertThat(KafkaClientProperties.of(config))
                .containsEntry("security.protocol", "SSL")
                .containsEntry("bootstrap.servers", "localhost:9092");
    }
}
