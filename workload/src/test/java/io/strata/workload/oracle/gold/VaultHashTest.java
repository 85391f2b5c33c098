package io.strata.workload.oracle.gold;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The expected digests were computed with {@code printf '%s' '<text>' | md5sum}. */
class VaultHashTest {

    @Test
    void hashKeyNormalizesAndJoinsParts() {
        // ACME||C-000001
        assertThat(VaultHash.hashKey(" acme ", "c-000001"))
                .isEqualTo("baf8d56446e9e1b2bb6abf194bb8324a");
        // GLOBEX||K ÄÖ (UTF-8)
        assertThat(VaultHash.hashKey("globex", "k äö"))
                .isEqualTo("e2f48d905709aba5802aca70a1c09ced");
    }

    @Test
    void nullAndBlankPartsAreThePlaceholder() {
        // ACME||^^||SO-1
        assertThat(VaultHash.hashKey("acme", null, "SO-1"))
                .isEqualTo("5f2da5a05c856e75f0c8f26c78147b1d")
                .isEqualTo(VaultHash.hashKey("acme", "  ", "SO-1"));
        // ^^
        assertThat(VaultHash.hashKey((String) null)).isEqualTo("ea01662a5bcbe94a3236d555bbcb3da3");
    }

    @Test
    void missingReferencesPointToTheGhost() {
        assertThat(VaultHash.reference("acme", null)).isEqualTo(VaultHash.GHOST);
        assertThat(VaultHash.reference("acme", "")).isEqualTo(VaultHash.GHOST);
        assertThat(VaultHash.reference("acme", "C-000001"))
                .isEqualTo(VaultHash.hashKey("acme", "C-000001"));
    }

    @Test
    void hashDiffRendersDecimalsWithScaleAndTimesAsEpochMillis() {
        // ADA LOVELACE||^^||20.00||1709287200000
        assertThat(
                        VaultHash.hashDiff(
                                "Ada Lovelace",
                                null,
                                new BigDecimal("20.00"),
                                Instant.parse("2024-03-01T10:00:00Z")))
                .isEqualTo("c81d909f804c78ff53751328e6efa9b6");
    }
}
