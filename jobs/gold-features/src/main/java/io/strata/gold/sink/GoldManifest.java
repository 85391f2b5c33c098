package io.strata.gold.sink;

import io.strata.common.config.StrataOptions;
import io.strata.common.kafka.AvroTopics;
import io.strata.gold.GoldFeaturesOptions;
import io.strata.model.ops.ManifestRecord;
import org.apache.flink.configuration.ReadableConfig;

/** The production manifest sink of Gold. */
public final class GoldManifest {

    private GoldManifest() {}

    /**
     * Writes to the manifest topic ({@link StrataOptions#MANIFEST_TOPIC}; Avro via the registry,
     * keyed by tenant) with the pipeline's delivery mode, from one subtask like the manifest
     * itself.
     */
    public static ManifestSink kafka(ReadableConfig config) {
        return (manifest, uids) ->
                AvroTopics.sink(
                                manifest,
                                config,
                                config.get(GoldFeaturesOptions.TRANSACTIONAL_ID_PREFIX)
                                        + "-manifest",
                                config.get(StrataOptions.MANIFEST_TOPIC),
                                ManifestRecord.class,
                                ManifestRecord::getTenantId,
                                uids.of("kafka-manifest"))
                        .setParallelism(1);
    }
}
