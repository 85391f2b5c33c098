package io.strata.registry.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.registry.service.CompatibilityChecker.Earlier;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CompatibilityCheckerTest {

    private static final Schema V1 = parse(Schemas.USER_V1);
    private static final Schema WITH_EMAIL = parse(Schemas.USER_WITH_EMAIL);
    private static final Schema WITH_AGE = parse(Schemas.USER_WITH_REQUIRED_AGE);
    private static final Schema NAME_AS_INT = parse(Schemas.USER_NAME_AS_INT);
    private static final Schema EMPTY = parse(Schemas.USER_EMPTY);

    /** Each level against one earlier version: which direction each change survives. */
    @ParameterizedTest(name = "{0}: email={1} age={2} intName={3} empty={4}")
    @CsvSource({
        "NONE,                true,  true,  true,  true",
        "BACKWARD,            true,  false, false, true",
        "BACKWARD_TRANSITIVE, true,  false, false, true",
        "FORWARD,             true,  true,  false, false",
        "FORWARD_TRANSITIVE,  true,  true,  false, false",
        "FULL,                true,  false, false, false",
        "FULL_TRANSITIVE,     true,  false, false, false",
    })
    void levelsAgainstTheLatestVersion(
            CompatibilityLevel level, boolean email, boolean age, boolean intName, boolean empty) {
        List<Earlier> earlier = List.of(new Earlier(1, V1));

        assertThat(compatible(WITH_EMAIL, earlier, level)).as("add optional").isEqualTo(email);
        assertThat(compatible(WITH_AGE, earlier, level)).as("add required").isEqualTo(age);
        assertThat(compatible(NAME_AS_INT, earlier, level)).as("change type").isEqualTo(intName);
        assertThat(compatible(EMPTY, earlier, level)).as("drop field").isEqualTo(empty);
    }

    /**
     * History V1 (name:string), V2 (no fields), candidate V3 (name:int). V3 reads V2's data and V2
     * reads V3's, but V3 cannot read V1's name: only the transitive levels look that far back.
     */
    @ParameterizedTest(name = "{0} accepts={1}")
    @CsvSource({
        "BACKWARD,            true",
        "BACKWARD_TRANSITIVE, false",
        "FORWARD,             true",
        "FORWARD_TRANSITIVE,  false",
        "FULL,                true",
        "FULL_TRANSITIVE,     false",
    })
    void transitiveLevelsCheckEveryEarlierVersion(CompatibilityLevel level, boolean accepts) {
        Schema v3 = parse(Schemas.user("{\"name\":\"name\",\"type\":\"int\",\"default\":0}"));
        List<Earlier> history = List.of(new Earlier(1, V1), new Earlier(2, EMPTY));

        assertThat(compatible(v3, history, level)).isEqualTo(accepts);
    }

    private static boolean compatible(Schema s, List<Earlier> earlier, CompatibilityLevel l) {
        return CompatibilityChecker.check(s, earlier, l).isEmpty();
    }

    private static Schema parse(String schema) {
        return new Schema.Parser().parse(schema);
    }
}
