package io.strata.gold.input;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.common.kafka.RawKafkaRecord;
import io.strata.common.manifest.ManifestTally;
import io.strata.common.manifest.ManifestTally.Outcome;
import io.strata.common.manifest.ManifestWindow;
import io.strata.common.quarantine.UnreadableRecords;
import io.strata.gold.vault.SilverRows;
import io.strata.model.silver.Customer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SilverRowTalliesTest {

    @Test
    void aRowIsCountedAtItsSilverCoordinatesWithItsSilverManifestIdAsParent() {
        Customer row = SilverRows.customerDelete("acme", "c-1", SilverRows.at(5));
        byte[] value = {0, 0, 0, 0, 7, 2, 4, 6};
        RawKafkaRecord record =
                new RawKafkaRecord(
                        "silver.customer",
                        2,
                        41,
                        0L,
                        "acme|c-1".getBytes(StandardCharsets.UTF_8),
                        value);

        ManifestTally t = new SilverRowTallies().accepted(record, row);

        assertThat(t.tenant).isEqualTo("acme");
        assertThat(t.source).isEqualTo("silver.customer");
        assertThat(t.outcome).isEqualTo(Outcome.ACCEPTED);
        assertThat(t.eventTime).isEqualTo(SilverRows.at(5).toEpochMilli());
        assertThat(t.late).isFalse();
        assertThat(t.partition).isEqualTo(2);
        assertThat(t.offset).isEqualTo(41);
        assertThat(t.checksumPrefix)
                .isEqualTo(ManifestTally.checksumPrefix(UnreadableRecords.sha256(value)));
        assertThat(t.parent)
                .isEqualTo(row.getMeta().getManifestId())
                .startsWith("SILVER/acme/bronze.events/silver-conform:");
        assertThat(t.window).isEqualTo(ManifestWindow.CURRENT);
    }
}
