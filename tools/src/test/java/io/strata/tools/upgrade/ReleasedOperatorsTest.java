package io.strata.tools.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleasedOperatorsTest {

    /**
     * Flink's id of the operator with uid bronze-ingest-dedupe (testing's OperatorUidsTest too).
     */
    private static final String DEDUPE_ID = "13422238ed056c5db24f818f45b329db";

    @TempDir Path repo;

    @Test
    void theIdIsFlinksHashOfTheUid() {
        assertThat(ReleasedOperators.operatorId("bronze-ingest-dedupe")).isEqualTo(DEDUPE_ID);
    }

    @Test
    void idsInFlinksMessagesAreNamedByTheReleasedUids() throws IOException {
        Path uids = Files.createDirectories(repo.resolve("jobs/bronze-ingest/uids"));
        Files.write(
                uids.resolve("bronze-ingest.txt"),
                List.of("# released", "bronze-ingest-dedupe", "bronze-ingest-parse"));

        String annotated =
                ReleasedOperators.in(repo)
                        .annotate(
                                "Cannot map checkpoint/savepoint state for operator "
                                        + DEDUPE_ID
                                        + " to the new program; not 00000000000000000000000000000000");

        assertThat(annotated)
                .contains("operator " + DEDUPE_ID + " (uid bronze-ingest-dedupe) to the new")
                .endsWith("not 00000000000000000000000000000000");
    }
}
