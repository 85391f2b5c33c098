package io.strata.quality.sink;

import io.strata.common.flink.Uids;
import io.strata.common.kafka.AvroTopics;
import io.strata.common.kafka.KafkaTopics;
import io.strata.model.ops.Alert;
import io.strata.quality.QualityAsyncOptions;
import java.util.List;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * Writes alerts to the alerts topic ({@code ops.alerts}), Avro in Confluent's wire format, keyed by
 * tenant, with the pipeline's delivery mode.
 */
public final class KafkaAlertSink implements QualitySinks {

    private final ReadableConfig config;

    /** Creates the alerts topic (one partition: alerts are few) when it is missing. */
    public KafkaAlertSink(ReadableConfig config) {
        this.config = config;
        KafkaTopics.createMissing(
                config,
                List.of(KafkaTopics.plain(config.get(QualityAsyncOptions.ALERTS_TOPIC), 1)));
    }

    @Override
    public void alerts(DataStream<Alert> alerts, Uids uids) {
        AvroTopics.sink(
                alerts,
                config,
                config.get(QualityAsyncOptions.TRANSACTIONAL_ID_PREFIX) + "-alerts",
                config.get(QualityAsyncOptions.ALERTS_TOPIC),
                Alert.class,
                Alert::getTenantId,
                uids.of("kafka-alerts"));
    }
}
