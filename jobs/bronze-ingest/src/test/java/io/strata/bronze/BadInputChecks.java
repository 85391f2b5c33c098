package io.strata.bronze;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.bronze.sink.BronzeKafkaKeys;
import io.strata.common.config.StrataOptions;
import io.strata.common.flink.Uids;
import io.strata.model.bronze.BronzeEvent;
import io.strata.model.ops.QuarantineRecord;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * What every bad-input run must show, whatever it sent: the job ran on without a failure or
 * restart, every record sent is accounted exactly once, and no tenant's rows or Kafka records carry
 * another tenant.
 */
final class BadInputChecks {

    private BadInputChecks() {}

    /** Test sinks that only collect the duplicates. */
    static BronzeSinksForDuplicates duplicates(String name) {
        return new BronzeSinksForDuplicates(new CollectingSink<>(name + "-duplicates"));
    }

    /** Collects the duplicates the job drops; adds nothing else. */
    static final class BronzeSinksForDuplicates implements io.strata.bronze.sink.BronzeSinks {
        final CollectingSink<BronzeEvent> collected;

        BronzeSinksForDuplicates(CollectingSink<BronzeEvent> collected) {
            this.collected = collected;
        }

        @Override
        public void events(DataStream<BronzeEvent> events, Uids uids) {}

        @Override
        public void quarantine(DataStream<QuarantineRecord> quarantine, Uids uids) {}

        @Override
        public void duplicates(DataStream<BronzeEvent> d, Uids uids) {
            d.addSink(collected).uid(uids.of("test-duplicates")).name("duplicates");
        }
    }

    /** Every record of {@code sent} has exactly one outcome; tombstones have none but a count. */
    static void assertEachAccountedOnce(
            List<SentRecord> sent, BadInputOutcomes outcomes, long tombstonesCounted) {
        long tombstones = sent.stream().filter(s -> "TOMBSTONE".equals(s.expect())).count();
        assertThat(tombstonesCounted).as("the tombstones metric").isEqualTo(tombstones);
        for (SentRecord s : sent) {
            List<String> found = outcomes.byCoordinates.getOrDefault(s.coordinates(), List.of());
            assertThat(found)
                    .as("outcomes of %s (%s)", s.coordinates(), s.label())
                    .hasSize("TOMBSTONE".equals(s.expect()) ? 0 : 1);
        }
        assertThat(outcomes.byCoordinates.keySet())
                .as("rows of records that were never sent")
                .allMatch(c -> sent.stream().anyMatch(s -> s.coordinates().equals(c)));
    }

    /** The Bronze topics key every record by its own tenant; Iceberg files hold one tenant each. */
    static void assertTenantsIsolated(Configuration config) throws Exception {
        String servers = config.get(StrataOptions.KAFKA_BOOTSTRAP_SERVERS);
        String registry = config.get(StrataOptions.SCHEMA_REGISTRY_URL);
        for (TopicReader.Keyed<BronzeEvent> k :
                TopicReader.readAll(
                        servers,
                        config.get(BronzeIngestOptions.EVENTS_TOPIC),
                        BronzeEvent.class,
                        registry)) {
            assertThat(k.key()).isEqualTo(BronzeKafkaKeys.event(k.value()));
            assertThat(k.key()).startsWith(k.value().getTenantId() + "|");
        }
        for (TopicReader.Keyed<QuarantineRecord> k :
                TopicReader.readAll(
                        servers,
                        config.get(BronzeIngestOptions.QUARANTINE_TOPIC),
                        QuarantineRecord.class,
                        registry)) {
            assertThat(k.key()).isEqualTo(k.value().getTenantId());
        }
        assertThat(BadInputOutcomes.filesMixingTenants(config)).isEmpty();
    }
}
