package io.strata.tools.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.common.kafka.StartFrom;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.util.TimeUtils;
import org.junit.jupiter.api.Test;

class ReplayLayerTest {

    @Test
    void aSilverReplayHasItsOwnNameGroupTransactionsManifestAndBranchAndNoKafkaOutput() {
        Map<String, String> live = Map.of("silver.input.group-id", "strata-silver-conform");
        Map<String, String> s =
                ReplayLayer.SILVER.replaySettings(
                        live,
                        "20261121t1200",
                        "replay_20261121t1200",
                        new ReplayPosition(StartFrom.TIMESTAMP, "2026-11-21T09:00:00Z"),
                        "acme");

        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("pipeline.name", "silver-conform replay 20261121t1200");
        expected.put("strata.iceberg.write-branch", "replay_20261121t1200");
        expected.put("silver.input.group-id", "strata-silver-conform-replay-20261121t1200");
        expected.put(
                "silver.output.transactional-id-prefix",
                "strata-silver-conform-replay-20261121t1200");
        expected.put("silver.output.kafka-enabled", "false");
        expected.put("strata.manifest.topic", "ops.manifest.replay-20261121t1200");
        expected.put("silver.input.start-from", "TIMESTAMP");
        expected.put("silver.input.start-timestamp", "2026-11-21T09:00:00Z");
        expected.put("silver.input.tenants", "acme");
        assertThat(s).containsExactlyEntriesOf(expected);
        assertThat(ReplayLayer.arguments(Map.of("a.b", "c"))).containsExactly("--a.b", "c");
    }

    @Test
    void aGoldReplayReadsTheSilverTopicsAndMayBeScopedToATenant() {
        Map<String, String> s =
                ReplayLayer.GOLD.replaySettings(
                        Map.of(),
                        "x",
                        "replay_x",
                        new ReplayPosition(StartFrom.EARLIEST, null),
                        null);
        assertThat(s)
                .containsEntry("gold.input.start-from", "EARLIEST")
                .containsEntry("gold.output.kafka-enabled", "false")
                .containsEntry("gold.input.group-id", "strata-gold-features-replay-x");
        assertThat(ReplayLayer.GOLD.inputTopics(Map.of()).matcher("silver.order_line").matches())
                .isTrue();
        assertThat(ReplayLayer.GOLD.inputTopics(Map.of()).matcher("silver.invoice").matches())
                .isFalse();
        assertThat(ReplayLayer.SILVER.inputTopics(Map.of()).matcher("bronze.reprocess").matches())
                .isTrue();
        assertThat(
                        ReplayLayer.GOLD.replaySettings(
                                Map.of(),
                                "x",
                                "replay_x",
                                new ReplayPosition(StartFrom.EARLIEST, null),
                                "acme"))
                .containsEntry("gold.input.tenants", "acme");
    }

    /** The keys a replay sets are the jobs' documented options, with the documented defaults. */
    @Test
    void everyKeyIsADocumentedOptionAndTheDefaultsRepeatedHereAreTheDocumentedOnes()
            throws IOException {
        Map<String, String> documented = documentedDefaults();
        for (ReplayLayer layer : ReplayLayer.values()) {
            Map<String, String> s =
                    layer.replaySettings(
                            Map.of(),
                            "x",
                            "replay_x",
                            new ReplayPosition(StartFrom.OFFSETS, "t/0:1"),
                            "acme");
            s.keySet().stream()
                    .filter(k -> !k.equals("pipeline.name"))
                    .forEach(k -> assertThat(documented).as(k).containsKey(k));
            String prefix = layer.name().toLowerCase();
            assertThat(layer.namespace(Map.of()))
                    .isEqualTo(documented.get(prefix + ".iceberg.namespace"));
            assertThat(layer.liveGroup(Map.of()))
                    .isEqualTo(documented.get(prefix + ".input.group-id"));
            assertThat(s.get(prefix + ".output.transactional-id-prefix"))
                    .isEqualTo(
                            documented.get(prefix + ".output.transactional-id-prefix")
                                    + "-replay-x");
        }
        assertThat(ReplayLayer.SILVER.inputTopics(Map.of()).pattern())
                .contains(documented.get("silver.input.topic"))
                .contains(documented.get("silver.input.reprocess-topic"));
        assertThat(ReplayLayer.GOLD.inputTopics(Map.of()).pattern())
                .contains(documented.get("gold.input.topic-prefix"));
        assertThat(ReplayLayer.SILVER.bronzeTable(Map.of()))
                .contains(documented.get("silver.reprocess.bronze-table"));
        assertThat(documented.keySet())
                .containsAll(ReplayLayer.SILVER.bronzeTableSettings(1L).keySet());
        assertThat(ReplayLayer.GOLD.bronzeTable(Map.of())).isEmpty();
        assertThat(ReplayLayer.GOLD.settle(Map.of()))
                .isEqualTo(
                        TimeUtils.parseDuration(documented.get("gold.features.idleness"))
                                .plus(
                                        TimeUtils.parseDuration(
                                                        documented.get(
                                                                "strata.checkpoint.interval"))
                                                .multipliedBy(2)));
        assertThat(
                        ReplayLayer.GOLD.settle(
                                Map.of(
                                        "gold.features.idleness",
                                        "1min",
                                        "strata.checkpoint.interval",
                                        "2s")))
                .hasSeconds(64);
        assertThat(ReplayLayer.SILVER.settle(Map.of())).isZero();
    }

    /** key → default of every row {@code | `key` | `default` | ... |} of the options reference. */
    private static Map<String, String> documentedDefaults() throws IOException {
        Path doc = Path.of("..", "docs", "configuration.md");
        Pattern row = Pattern.compile("^\\| `([^`]+)` \\| (?:`([^`]*)`|\\(none\\)|[^|]*) \\|");
        Map<String, String> defaults = new HashMap<>();
        for (String line : Files.readAllLines(doc)) {
            Matcher m = row.matcher(line);
            if (m.find()) {
                defaults.put(m.group(1), m.group(2));
            }
        }
        return defaults;
    }
}
