package io.strata.workload.oracle.gold;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.workload.Workload;
import io.strata.workload.WorkloadParams;
import io.strata.workload.oracle.Oracle;
import io.strata.workload.oracle.SilverChangeLog;
import io.strata.workload.oracle.SilverVersion;
import io.strata.workload.raw.RawRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Gold's feature history and its hub and link keys do not depend on the order in which Silver's
 * input arrives. bronze-ingest keys {@code bronze.events} by tenant and event id, so one entity's
 * versions cross partitions and silver-conform reads them interleaved as its source happens to poll
 * them: the versions of a key can reach it newest first. Silver's table keeps the newest, but its
 * topic carries the older ones too, so the history, computed by event time over all of them, is the
 * same. The raw input here is reordered as bronze.events' partitions would hand it over, read in
 * turns of a few records each; the oracle's history for the raw order is the reference.
 */
class InterleavingTest {

    private static final int PARTITIONS = 4;

    private static final WorkloadParams PARAMS =
            WorkloadParams.builder().seed(5).events(8_000).build();

    @ParameterizedTest(name = "partitions read in turns of {0} records")
    @ValueSource(ints = {1, 50, 500})
    void theFeatureHistoryIsTheSameWhateverTheInterleaving(int turn) {
        Workload workload = Workload.of(PARAMS);
        List<RawRecord> raw = new ArrayList<>();
        workload.records().forEachRemaining(raw::add);
        GoldOracle inOrder = gold(raw, workload);
        GoldOracle interleaved = gold(interleave(raw, turn), workload);

        assertThat(interleaved.featureHistory())
                .as("feature history after reordering")
                .hasSizeGreaterThan(1_000)
                .containsExactlyElementsOf(inOrder.featureHistory());
        assertThat(interleaved.vault().hubOrder())
                .containsExactlyElementsOf(inOrder.vault().hubOrder());
        assertThat(interleaved.vault().linkCustomerOrder())
                .containsExactlyElementsOf(inOrder.vault().linkCustomerOrder());
    }

    @Test
    void reorderingSupersedesVersionsSoTheTestMeansSomething() {
        Workload workload = Workload.of(PARAMS);
        List<RawRecord> raw = new ArrayList<>();
        workload.records().forEachRemaining(raw::add);
        assertThat(olderAfterNewer(changeLog(interleave(raw, 50), workload).versions()))
                .as("versions published after a newer one of their key, reordered input")
                .isGreaterThan(olderAfterNewer(changeLog(raw, workload).versions()));
    }

    private static long olderAfterNewer(List<SilverVersion> log) {
        Map<String, SilverVersion> newest = new HashMap<>();
        long older = 0;
        for (SilverVersion v : log) {
            SilverVersion known = newest.get(v.kafkaKey() + v.entity());
            if (known != null && known.isNewerThan(v)) {
                older++;
            } else {
                newest.put(v.kafkaKey() + v.entity(), v);
            }
        }
        return older;
    }

    private static GoldOracle gold(List<RawRecord> raw, Workload workload) {
        return GoldOracle.of(changeLog(raw, workload).versions());
    }

    private static SilverChangeLog changeLog(List<RawRecord> raw, Workload workload) {
        SilverChangeLog log = new SilverChangeLog();
        Oracle.compute(raw.iterator(), workload.oracleOptions(), log);
        return log;
    }

    /** The records of each partition in their order, the partitions taken in turns. */
    private static List<RawRecord> interleave(List<RawRecord> raw, int turn) {
        List<List<RawRecord>> partitions = new ArrayList<>();
        for (int i = 0; i < PARTITIONS; i++) {
            partitions.add(new ArrayList<>());
        }
        for (RawRecord r : raw) {
            int p = ((r.tenant() + "|" + r.eventId()).hashCode() & 0x7fffffff) % PARTITIONS;
            partitions.get(p).add(r);
        }
        List<RawRecord> out = new ArrayList<>();
        int[] next = new int[PARTITIONS];
        while (out.size() < raw.size()) {
            for (int p = 0; p < PARTITIONS; p++) {
                List<RawRecord> records = partitions.get(p);
                for (int k = 0; k < turn && next[p] < records.size(); k++) {
                    out.add(records.get(next[p]++));
                }
            }
        }
        return out;
    }
}
