package io.strata.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.workload.oltp.OltpChange;
import io.strata.workload.oltp.OltpWorkload;
import io.strata.workload.raw.RawDigest;
import io.strata.workload.raw.RawStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeterminismTest {

    private static final WorkloadParams PARAMS = TestWorkloads.small(7, 20_000).build();

    @Test
    void sameSeedRendersByteIdenticalRecords() {
        RawDigest first = RawDigest.of(new RawStream(PARAMS));
        RawDigest second = RawDigest.of(new RawStream(PARAMS));

        assertThat(first.records()).isGreaterThan(20_000);
        assertThat(second.sha256()).isEqualTo(first.sha256());
        assertThat(second.bytes()).isEqualTo(first.bytes());
    }

    @Test
    void differentSeedRendersDifferentRecords() {
        RawDigest seven = RawDigest.of(new RawStream(PARAMS));
        RawDigest eight = RawDigest.of(new RawStream(PARAMS.toBuilder().seed(8).build()));

        assertThat(eight.sha256()).isNotEqualTo(seven.sha256());
    }

    @Test
    void oltpSeedAndChangesAreDeterministic() {
        OltpWorkload first = new OltpWorkload(PARAMS);
        OltpWorkload second = new OltpWorkload(PARAMS);

        assertThat(second.seed()).isEqualTo(first.seed());
        assertThat(list(second)).isEqualTo(list(first));
        assertThat(list(new OltpWorkload(PARAMS.toBuilder().seed(8).build())))
                .isNotEqualTo(list(first));
    }

    private static List<OltpChange> list(OltpWorkload w) {
        List<OltpChange> out = new ArrayList<>();
        w.changes().forEachRemaining(out::add);
        return out;
    }
}
