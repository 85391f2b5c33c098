package io.strata.bronze;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.testing.badinput.BadInputCorpus;
import io.strata.testing.badinput.BadRecord;
import io.strata.testing.badinput.RunningJobs;
import io.strata.workload.Workload;
import io.strata.workload.WorkloadOptions;
import io.strata.workload.WorkloadParams;
import io.strata.workload.raw.RawRecord;
import io.strata.workload.raw.RawStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad-input corpus ({@code bad-input/bronze-ingest.json}) shuffled among valid records of three
 * tenants, through the running job: it never fails or restarts, each record ends where its kind
 * says (Bronze, duplicate, tombstone count, or quarantine with its reason and tenant), and no
 * tenant's rows or Kafka records carry another tenant.
 */
class BronzeBadInputITCase {

    private static final InMemoryReporter METRICS = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension static final MiniClusterExtension FLINK = RunningJobs.cluster(METRICS);

    @TempDir Path warehouse;

    @Test
    void everyKindOfBadRecordEndsWhereTheCorpusSays() throws Exception {
        List<BadRecord> corpus = BadInputCorpus.of("bronze-ingest");
        BadInputRun run = new BadInputRun();
        List<SentRecord> sent = run.send(shuffled(corpus, validRecords(300)));
        Configuration config = run.config(warehouse);
        BadInputChecks.BronzeSinksForDuplicates sinks = BadInputChecks.duplicates(run.name);
        long tombstones = sent.stream().filter(s -> "TOMBSTONE".equals(s.expect())).count();

        JobClient job =
                run.runUntilAccounted(
                        config,
                        sinks,
                        () -> BadInputRun.bronzeRows(config) + sinks.collected.collected().size(),
                        sent.size() - tombstones,
                        Duration.ofSeconds(60));
        long tombstonesCounted = RunningJobs.sum(METRICS, job.getJobID(), "tombstones");
        RunningJobs.assertRanThrough(job, METRICS);

        BadInputOutcomes outcomes = BadInputOutcomes.read(config, sinks.collected.collected());
        BadInputChecks.assertEachAccountedOnce(sent, outcomes, tombstonesCounted);
        assertThat(actualByLabel(sent, outcomes)).isEqualTo(expectedByLabel(corpus, sent));
        BadInputChecks.assertTenantsIsolated(config);
        assertThat(corpus.stream().map(BadRecord::kind).distinct()).hasSizeGreaterThanOrEqualTo(15);
    }

    /** Valid workload records of three tenants: originals only, no damage. */
    private static List<BadInputRun.Outgoing> validRecords(int events) {
        WorkloadParams params =
                WorkloadParams.builder()
                        .seed(21)
                        .events(events)
                        .set(WorkloadOptions.MALFORMED_RATE, 0.0)
                        .set(WorkloadOptions.DUPLICATE_RATE, 0.0)
                        .set(WorkloadOptions.LATE_RATE, 0.0)
                        .build();
        List<BadInputRun.Outgoing> valid = new ArrayList<>();
        RawStream records = Workload.of(params).records();
        while (records.hasNext()) {
            RawRecord r = records.next();
            if (r.fault() == null && !r.isDuplicate()) {
                valid.add(
                        new BadInputRun.Outgoing(
                                "valid-" + r.tenant(),
                                false,
                                valid.size() % BadInputRun.PARTITIONS,
                                r.key() == null
                                        ? null
                                        : new String(r.key(), StandardCharsets.UTF_8),
                                r.value(),
                                "BRONZE",
                                r.tenant()));
            }
        }
        return valid;
    }

    private static List<BadInputRun.Outgoing> shuffled(
            List<BadRecord> corpus, List<BadInputRun.Outgoing> valid) {
        List<BadInputRun.Outgoing> all = new ArrayList<>(valid);
        for (BadRecord b : corpus) {
            for (int copy = 0; copy < b.copies(); copy++) {
                all.add(
                        new BadInputRun.Outgoing(
                                b.kind(),
                                b.topic().equals("cdc"),
                                copy % BadInputRun.PARTITIONS,
                                b.key(),
                                b.value(),
                                b.expect(),
                                b.tenant()));
            }
        }
        Collections.shuffle(all, new Random(8));
        return all;
    }

    /** Per label, the sorted outcomes its records had. */
    private static Map<String, List<String>> actualByLabel(
            List<SentRecord> sent, BadInputOutcomes outcomes) {
        Map<String, List<String>> by = new TreeMap<>();
        for (SentRecord s : sent) {
            List<String> found =
                    outcomes.byCoordinates.getOrDefault(s.coordinates(), List.of("TOMBSTONE"));
            by.computeIfAbsent(s.label(), l -> new ArrayList<>()).addAll(found);
        }
        by.values().forEach(Collections::sort);
        return by;
    }

    /** Per label, the sorted outcomes the corpus (and validity) asks for. */
    private static Map<String, List<String>> expectedByLabel(
            List<BadRecord> corpus, List<SentRecord> sent) {
        Map<String, List<String>> by = new TreeMap<>();
        for (SentRecord s : sent) {
            if (s.label().startsWith("valid-")) {
                by.computeIfAbsent(s.label(), l -> new ArrayList<>()).add("BRONZE:" + s.tenant());
            }
        }
        for (BadRecord b : corpus) {
            List<String> outcomes = new ArrayList<>();
            outcomes.add(
                    b.expect().equals("TOMBSTONE") ? "TOMBSTONE" : b.expect() + ":" + b.tenant());
            for (int copy = 1; copy < b.copies(); copy++) {
                outcomes.add("DUPLICATE:" + b.tenant());
            }
            by.put(b.kind(), outcomes);
        }
        by.values().forEach(Collections::sort);
        return by;
    }
}
