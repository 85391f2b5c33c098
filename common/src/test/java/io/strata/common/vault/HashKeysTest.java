package io.strata.common.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HashKeysTest {

    @Test
    void hashesTheNormalizedPartsJoinedWithTheDelimiter() {
        // md5("ACME||C-1") computed independently: printf 'ACME||C-1' | md5sum
        assertThat(HashKeys.hashKey("acme", "c-1"))
                .isEqualTo("96a864630e680cd1844c2134a5c40b37")
                .isEqualTo(HashKeys.hashKey("  ACME ", "C-1\t"));
    }

    @Test
    void nullAndBlankPartsHashAsThePlaceholder() {
        // printf 'ACME||^^' | md5sum
        assertThat(HashKeys.hashKey("acme", null))
                .isEqualTo(HashKeys.hashKey("acme", "  "))
                .isEqualTo(HashKeys.hashKey("acme", "^^"))
                .isEqualTo("2db685eb41a0611c775892f8fe2c4b5d");
    }

    @Test
    void aMissingReferenceIsTheGhostKey() {
        assertThat(HashKeys.reference("acme", (String) null)).isEqualTo(HashKeys.GHOST);
        assertThat(HashKeys.reference("acme", "")).isEqualTo(HashKeys.GHOST);
        assertThat(HashKeys.reference("acme", "c-1")).isEqualTo(HashKeys.hashKey("acme", "c-1"));
        assertThat(HashKeys.GHOST).hasSize(32).matches("0+");
    }

    @Test
    void hashDiffsRenderDecimalsWithScaleAndTimesAsEpochMillis() {
        assertThat(HashKeys.hashDiff(new BigDecimal("20.00"), Instant.ofEpochMilli(1000), null))
                .isEqualTo(HashKeys.hashKey("20.00", "1000", null))
                .isNotEqualTo(
                        HashKeys.hashDiff(
                                new BigDecimal("20.0"), Instant.ofEpochMilli(1000), null));
    }
}
