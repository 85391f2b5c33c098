package io.strata.tools.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FlinkFailureTest {

    @Test
    void theDeepestCauseIsTheReason() {
        String trace =
                """
                java.lang.Exception: Exception while creating StreamOperatorStateContext.
                \tat org.apache.flink.Some.frame(Some.java:1)
                Caused by: org.apache.flink.util.FlinkException: Could not restore keyed state backend
                \tat org.apache.flink.Some.frame(Some.java:2)
                \t... 3 more
                Caused by: org.apache.flink.util.StateMigrationException: The new state serializer
                (A) must not be incompatible with the old state serializer (B).
                \tat org.apache.flink.Some.frame(Some.java:3)
                """;

        assertThat(FlinkFailure.reason(trace))
                .isEqualTo(
                        "org.apache.flink.util.StateMigrationException: The new state serializer"
                                + " (A) must not be incompatible with the old state serializer"
                                + " (B).");
    }

    @Test
    void withoutACauseTheFirstLineIsTheReason() {
        assertThat(FlinkFailure.reason("\njava.io.IOException: disk full\n\tat x.Y.z(Y.java:1)\n"))
                .isEqualTo("java.io.IOException: disk full");
    }
}
