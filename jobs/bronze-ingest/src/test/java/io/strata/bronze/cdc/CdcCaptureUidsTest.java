package io.strata.bronze.cdc;

import io.strata.testing.uids.OperatorUids;
import io.strata.testing.uids.ReleasedUids;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;

/**
 * The graph {@code main} runs keeps the released uids: the source's state (LSN, snapshot progress)
 * is found again in a savepoint of an earlier jar.
 */
class CdcCaptureUidsTest {

    @Test
    void theProductionGraphHasExactlyTheReleasedUids() {
        ReleasedUids.of(CdcCaptureTopology.JOB)
                .assertReleased(OperatorUids.of(CdcCaptureJob.environment(new Configuration())));
    }
}
