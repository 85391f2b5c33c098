package io.strata.tools.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestReportTest {

    private static final Instant NOW = Instant.parse("2026-11-21T09:30:00Z");
    private static final Instant EVENTS = Instant.parse("2024-01-01T17:09:12Z");

    private static final List<ManifestRow> ROWS =
            List.of(
                    row(
                            "BRONZE/acme/raw.webhooks/bronze-ingest:1",
                            "acme",
                            "BRONZE",
                            "COMPLETE",
                            4_000,
                            40,
                            70,
                            EVENTS.minusSeconds(60),
                            NOW.minusSeconds(40),
                            null),
                    row(
                            "BRONZE/acme/raw.webhooks/bronze-ingest:2",
                            "acme",
                            "BRONZE",
                            "PROCESSING",
                            3_818,
                            41,
                            77,
                            EVENTS,
                            NOW.minusSeconds(12),
                            null),
                    row(
                            "SILVER/acme/raw.webhooks/silver-conform:1",
                            "acme",
                            "SILVER",
                            "COMPLETE",
                            7_700,
                            50,
                            0,
                            EVENTS.minusSeconds(5),
                            NOW.minusSeconds(25),
                            null,
                            "quality.null-rate:acme:order.currency:2024-01-01T16:00:00Z"),
                    row(
                            "BRONZE/globex/raw.webhooks/bronze-ingest:1",
                            "globex",
                            "BRONZE",
                            "FAILED",
                            4,
                            0,
                            0,
                            EVENTS.minusSeconds(3_600),
                            NOW.minusSeconds(3_725),
                            "reconciliation.count: SILVER accounted for 3 of 4 records"));

    @Test
    void printsPerTenantAndLayerTotalsFreshnessAndOpenIssues() {
        assertThat(print(null))
                .isEqualTo(
                        String.join(
                                "\n",
                                "  TENANT         LAYER   WINDOWS     RECORDS QUARANTINED DUPLICATES  LAST EVENT TIME      EVENT LAG FRESHNESS  PENDING FAILED FINDINGS",
                                "  acme           BRONZE        2       7,818          81        147  2024-01-01T17:09:12Z  1054d16h       12s        1      0        0",
                                "  acme           SILVER        1       7,700          50          0  2024-01-01T17:09:07Z  1054d16h       25s        0      0        1",
                                "  globex         BRONZE        1           4           0          0  2024-01-01T16:09:12Z  1054d17h     1h02m        0      1        0",
                                "  open issues: 2",
                                "    BRONZE/globex/raw.webhooks/bronze-ingest:1  reconciliation.count: SILVER accounted for 3 of 4 records",
                                "    quality.null-rate:acme:order.currency:2024-01-01T16:00:00Z",
                                ""));
    }

    @Test
    void oneTenantOnly() {
        assertThat(print("acme"))
                .contains(
                        "  acme           BRONZE ",
                        "  acme           SILVER ",
                        "open issues: 1",
                        "    quality.null-rate:acme:order.currency:2024-01-01T16:00:00Z")
                .doesNotContain("globex");
        assertThat(print("initech"))
                .isEqualTo(
                        "  no manifest records for tenant initech (is quality-async running?)\n");
    }

    @Test
    void agesReadAtAGlance() {
        assertThat(ManifestReport.age(Duration.ofSeconds(42))).isEqualTo("42s");
        assertThat(ManifestReport.age(Duration.ofSeconds(425))).isEqualTo("7m05s");
        assertThat(ManifestReport.age(Duration.ofMinutes(192))).isEqualTo("3h12m");
        assertThat(ManifestReport.age(Duration.ofHours(690 * 24 + 4))).isEqualTo("690d04h");
    }

    private static String print(String tenant) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new ManifestReport(ROWS)
                .print(new PrintStream(bytes, true, StandardCharsets.UTF_8), NOW, tenant);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static ManifestRow row(
            String id,
            String tenant,
            String layer,
            String status,
            long records,
            long quarantined,
            long duplicates,
            Instant endTime,
            Instant createdAt,
            String reconciliation,
            String... findings) {
        return new ManifestRow(
                id,
                tenant,
                layer,
                status,
                records,
                quarantined,
                duplicates,
                endTime,
                createdAt,
                reconciliation,
                List.of(findings));
    }
}
