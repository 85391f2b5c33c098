package io.strata.bronze;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded random damage (byte flips, truncation, deleted, duplicated and retyped fields, broken
 * encodings, nesting) to 2,000 valid records of three tenants, through the running job for at most
 * 60 s: it never fails or restarts, each record is accounted once, undamaged records reach Bronze,
 * no refusal is the catch-all OTHER (a parser bug), and no record is attributed to another known
 * tenant.
 */
class BronzeFuzzITCase {

    private static final long SEED = 20261121L;
    private static final int RECORDS = 2000;

    private static final InMemoryReporter METRICS = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension static final MiniClusterExtension FLINK = RunningJobs.cluster(METRICS);

    @TempDir Path warehouse;

    @Test
    void randomDamageIsRefusedWithAReasonAndNeverBreaksTheJob() throws Exception {
        RecordMutations mutations = new RecordMutations(SEED);
        List<BadInputRun.Outgoing> records = new ArrayList<>();
        Set<String> tenants = new HashSet<>();
        for (RawRecord r : validRecords()) {
            RecordMutations.Mutated m = mutations.mutate(r.value());
            tenants.add(r.tenant());
            records.add(
                    new BadInputRun.Outgoing(
                            m.mutation(),
                            false,
                            records.size() % BadInputRun.PARTITIONS,
                            new String(r.key(), StandardCharsets.UTF_8),
                            m.value(),
                            m.mutation().equals("none") ? "BRONZE" : null,
                            r.tenant()));
        }
        BadInputRun run = new BadInputRun();
        List<SentRecord> sent = run.send(records);
        Configuration config = run.config(warehouse);
        BadInputChecks.BronzeSinksForDuplicates sinks = BadInputChecks.duplicates(run.name);

        JobClient job =
                run.runUntilAccounted(
                        config,
                        sinks,
                        () -> BadInputRun.bronzeRows(config) + sinks.collected.collected().size(),
                        sent.size(),
                        Duration.ofSeconds(60));
        RunningJobs.assertRanThrough(job, METRICS);

        BadInputOutcomes outcomes = BadInputOutcomes.read(config, sinks.collected.collected());
        BadInputChecks.assertEachAccountedOnce(sent, outcomes, 0);
        for (SentRecord s : sent) {
            String outcome = outcomes.byCoordinates.get(s.coordinates()).get(0);
            String reason = outcome.substring(0, outcome.indexOf(':'));
            String tenant = outcome.substring(outcome.indexOf(':') + 1);
            assertThat(reason).as("%s %s", s.label(), s.coordinates()).isNotEqualTo("OTHER");
            if ("BRONZE".equals(s.expect())) {
                assertThat(outcome).as(s.coordinates()).isEqualTo("BRONZE:" + s.tenant());
            }
            assertThat(tenant.equals(s.tenant()) || !tenants.contains(tenant))
                    .as(
                            "%s of %s (%s) attributed to %s",
                            s.coordinates(), s.tenant(), s.label(), tenant)
                    .isTrue();
        }
        assertThat(sent).extracting(SentRecord::label).contains("none", "byte-flip", "nest");
        assertThat(outcomes.byCoordinates.values())
                .flatMap(o -> o)
                .map(o -> o.substring(0, o.indexOf(':')))
                .contains(
                        "BRONZE",
                        "INVALID_JSON",
                        "INVALID_UTF8",
                        "DUPLICATE_JSON_KEY",
                        "NESTING_TOO_DEEP",
                        "MISSING_TENANT");
        BadInputChecks.assertTenantsIsolated(config);
    }

    private static List<RawRecord> validRecords() {
        WorkloadParams params =
                WorkloadParams.builder()
                        .seed(SEED)
                        .events(RECORDS)
                        .set(WorkloadOptions.MALFORMED_RATE, 0.0)
                        .set(WorkloadOptions.DUPLICATE_RATE, 0.0)
                        .set(WorkloadOptions.LATE_RATE, 0.0)
                        .build();
        List<RawRecord> valid = new ArrayList<>();
        RawStream records = Workload.of(params).records();
        while (records.hasNext() && valid.size() < RECORDS) {
            RawRecord r = records.next();
            if (r.fault() == null && !r.isDuplicate() && r.key() != null) {
                valid.add(r);
            }
        }
        return valid;
    }
}
