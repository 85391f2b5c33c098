package io.strata.tools.stack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FlinkCliResultTest {

    @Test
    void theSubmittedJobIdIsReadFromTheCliOutput() {
        FlinkCli.Result result =
                new FlinkCli.Result(
                        0,
                        "Some log line\nJob has been submitted with JobID"
                                + " 3f0c2b9a1d4e5f60718293a4b5c6d7e8\n");

        assertThat(result.submittedJobId()).contains("3f0c2b9a1d4e5f60718293a4b5c6d7e8");
        assertThat(
                        new FlinkCli.Result(1, "The program finished with the following exception:")
                                .submittedJobId())
                .isEmpty();
    }
}
