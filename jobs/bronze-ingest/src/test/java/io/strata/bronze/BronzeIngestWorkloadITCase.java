package io.strata.bronze;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static org.assertj.core.api.Assertions.assertThat;

import io.strata.bronze.sink.BronzeSinks;
import io.strata.common.config.StrataOptions;
import io.strata.common.flink.Uids;
import io.strata.model.QuarantineReason;
import io.strata.model.bronze.BronzeEvent;
import io.strata.model.ops.ManifestRecord;
import io.strata.model.ops.QuarantineRecord;
import io.strata.testing.FlinkMiniCluster;
import io.strata.workload.oracle.BronzeCounts;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.iceberg.data.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated workload (three tenants, duplicates, disorder, late and malformed records) through
 * the job: Bronze matches the workload's oracle per tenant, also across injected task failures.
 */
class BronzeIngestWorkloadITCase {

    @RegisterExtension static final MiniClusterExtension FLINK = FlinkMiniCluster.extension();

    @TempDir Path warehouse;

    @Test
    void bronzeMatchesTheOraclePerTenant() throws Exception {
        WorkloadRun run = WorkloadRun.send(11, 3000);
        Configuration config = run.config(warehouse, false);
        CollectingSink<BronzeEvent> duplicates = new CollectingSink<>(run.name + "-duplicates");

        run.execute(config, collect(duplicates));

        Map<String, Long> dropped =
                duplicates.collected().stream()
                        .collect(groupingBy(BronzeEvent::getTenantId, counting()));
        BronzeContent bronze = BronzeContent.read(config);
        assertThat(bronze.counts(dropped))
                .isEqualTo(BronzeContent.comparable(run.expected.bronze(), true));
        assertThat(bronze.eventKeys()).doesNotHaveDuplicates();
        assertThat(run.expected.bronze().values()).allMatch(c -> c.reconciles());
        assertThat(run.expected.bronzeTotal().quarantined().keySet())
                .containsAll(
                        Set.of(
                                QuarantineReason.INVALID_JSON,
                                QuarantineReason.INVALID_UTF8,
                                QuarantineReason.MISSING_TENANT,
                                QuarantineReason.MISSING_EVENT_ID,
                                QuarantineReason.OVERSIZED_PAYLOAD));
        assertThat(run.expected.bronzeTotal().late()).isPositive();
        assertThat(run.expected.bronzeTotal().duplicates()).isPositive();
    }

    @Test
    void threeTaskFailuresLoseNothingAndWriteNothingTwice() throws Exception {
        WorkloadRun run = WorkloadRun.send(12, 1200);
        Configuration config = run.config(warehouse, true);
        // Bounds a stalled transactional producer (see KafkaBronzeSinks) to 10 s per failure.
        config.setString("strata.kafka.client.delivery.timeout.ms", "10000");
        config.setString("strata.kafka.client.request.timeout.ms", "5000");
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 10);
        config.set(
                RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(100));

        run.executeUntilComplete(
                config, failing(new FailEveryNth<>(150, 3, 5)), Duration.ofMinutes(3));

        assertThat(FailEveryNth.FAILED).hasValue(3);
        BronzeContent bronze = BronzeContent.read(config);
        // Duplicates are not compared: the copies dropped before a failure are dropped again.
        assertThat(bronze.counts(Map.of()))
                .isEqualTo(BronzeContent.comparable(run.expected.bronze(), false));
        assertThat(bronze.eventKeys()).doesNotHaveDuplicates();
        Map<String, byte[]> raw = TopicReader.readRaw(run.bootstrapServers(), run.topic);
        for (Record row : bronze.events) {
            Record source = (Record) row.getField("source");
            byte[] value = raw.get(source.getField("partition") + "@" + source.getField("offset"));
            assertThat(row.getField("checksum")).isEqualTo(sha256(value));
        }
        List<TopicReader.Keyed<BronzeEvent>> topic =
                TopicReader.readAll(
                        run.bootstrapServers(),
                        config.get(BronzeIngestOptions.EVENTS_TOPIC),
                        BronzeEvent.class,
                        config.get(StrataOptions.SCHEMA_REGISTRY_URL));
        assertThat(topic)
                .extracting(e -> e.value().getTenantId() + "/" + e.value().getEventId())
                .as("committed Kafka transactions hold each event once")
                .containsExactlyInAnyOrderElementsOf(bronze.eventKeys());
        assertThat(manifestTotals(config))
                .as("the manifest counts every record once, duplicates included")
                .isEqualTo(totals(run.expected.bronze()));
    }

    /** Per tenant: accepted, duplicates, quarantined, late, summed over the manifest's windows. */
    private static Map<String, List<Long>> manifestTotals(Configuration config) throws Exception {
        Map<String, List<Long>> totals = new java.util.TreeMap<>();
        for (TopicReader.Keyed<ManifestRecord> k :
                TopicReader.readAll(
                        config.get(StrataOptions.KAFKA_BOOTSTRAP_SERVERS),
                        config.get(StrataOptions.MANIFEST_TOPIC),
                        ManifestRecord.class,
                        config.get(StrataOptions.SCHEMA_REGISTRY_URL))) {
            ManifestRecord m = k.value();
            List<Long> window =
                    List.of(
                            m.getRecordCount(),
                            m.getQualityChecks().getDuplicateCount(),
                            m.getQualityChecks().getQuarantineCount(),
                            m.getQualityChecks().getLateCount());
            totals.merge(m.getTenantId(), window, Sums::add);
        }
        return totals;
    }

    private static Map<String, List<Long>> totals(Map<String, BronzeCounts> expected) {
        Map<String, List<Long>> totals = new java.util.TreeMap<>();
        expected.forEach(
                (t, c) ->
                        totals.put(
                                t,
                                List.of(
                                        c.accepted(),
                                        c.duplicates(),
                                        c.quarantinedTotal(),
                                        c.late())));
        return totals;
    }

    /** Element-wise sums. */
    private static final class Sums {
        static List<Long> add(List<Long> a, List<Long> b) {
            return java.util.stream.IntStream.range(0, a.size())
                    .mapToObj(i -> a.get(i) + b.get(i))
                    .toList();
        }
    }

    private static BronzeSinks collect(CollectingSink<BronzeEvent> duplicates) {
        return new TestSinks() {
            @Override
            public void duplicates(DataStream<BronzeEvent> d, Uids uids) {
                d.addSink(duplicates).uid(uids.of("test-duplicates")).name("duplicates");
            }
        };
    }

    private static BronzeSinks failing(FailEveryNth<BronzeEvent> failure) {
        return new TestSinks() {
            @Override
            public void events(DataStream<BronzeEvent> events, Uids uids) {
                events.map(failure)
                        .uid(uids.of("test-fail"))
                        .name("Injected failures")
                        .sinkTo(new DiscardingSink<>())
                        .uid(uids.of("test-discard"));
            }
        };
    }

    /** Test sinks that add nothing unless overridden. */
    private abstract static class TestSinks implements BronzeSinks {
        @Override
        public void events(DataStream<BronzeEvent> events, Uids uids) {}

        @Override
        public void quarantine(DataStream<QuarantineRecord> quarantine, Uids uids) {}
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
