package io.strata.tools.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.common.kafka.StartFrom;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayPositionTest {

    @TempDir Path dir;

    @Test
    void earliestAnInstantOrAFileOfOffsets() throws IOException {
        assertThat(ReplayPosition.parse("earliest"))
                .isEqualTo(new ReplayPosition(StartFrom.EARLIEST, null));
        assertThat(ReplayPosition.parse("2026-11-21T09:00:00Z"))
                .isEqualTo(new ReplayPosition(StartFrom.TIMESTAMP, "2026-11-21T09:00:00Z"));

        Path file = dir.resolve("offsets.txt");
        Files.writeString(
                file,
                "# where the bad config went live\nbronze.events/1:1187\n\nbronze.events/0:1200\n");
        assertThat(ReplayPosition.parse(file.toString()))
                .isEqualTo(
                        new ReplayPosition(
                                StartFrom.OFFSETS, "bronze.events/0:1200,bronze.events/1:1187"));
    }

    @Test
    void aManifestRecordStartsAtItsWindowsStart() {
        assertThat(
                        ReplayPosition.parse(
                                "manifest:SILVER/acme/bronze.events/silver-conform:7",
                                id -> Instant.parse("2026-11-21T09:00:00Z")))
                .isEqualTo(new ReplayPosition(StartFrom.TIMESTAMP, "2026-11-21T09:00:00Z"));
    }

    @Test
    void anythingElseIsRefusedWithTheReason() throws IOException {
        assertThatThrownBy(() -> ReplayPosition.parse("2026-13-01T00:00:00Z"))
                .hasMessageContaining("not an ISO-8601 instant");
        assertThatThrownBy(() -> ReplayPosition.parse("yesterday"))
                .hasMessageContaining("neither earliest, an ISO-8601 instant nor a file");
        assertThatThrownBy(() -> ReplayPosition.parse("manifest:BRONZE/acme/raw/bronze-ingest:1"))
                .hasMessageContaining("no manifest table");
        assertThatThrownBy(() -> ReplayPosition.parse("manifest:", id -> Instant.EPOCH))
                .hasMessageContaining("the id is missing");
        Path bad = dir.resolve("bad.txt");
        Files.writeString(bad, "bronze.events:12\n");
        assertThatThrownBy(() -> ReplayPosition.parse(bad.toString()))
                .hasMessageContaining("Not topic/partition:offset: 'bronze.events:12'");
    }
}
