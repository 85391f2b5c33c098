package io.strata.registry.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RegistryStateTest {

    private final RegistryState state = new RegistryState();

    @Test
    void anIdLivesAsLongAsSomeVersionNamesIt() {
        state.putVersion(new SchemaVersion("a", 1, 1, "\"string\"", false));
        state.putVersion(new SchemaVersion("b", 1, 1, "\"string\"", false));

        state.removeVersion("a", 1);
        assertThat(state.schemaById(1)).contains("\"string\"");
        assertThat(state.idOf("\"string\"")).contains(1);

        state.removeVersion("b", 1);
        assertThat(state.schemaById(1)).isEmpty();
        assertThat(state.idOf("\"string\"")).isEmpty();
        assertThat(state.subjects()).isEmpty();
    }

    @Test
    void maxIdNeverDecreasesWithinARun() {
        state.putVersion(new SchemaVersion("a", 1, 5, "\"int\"", false));
        state.removeVersion("a", 1);

        assertThat(state.maxId()).isEqualTo(5);
    }

    @Test
    void replacingAVersionKeepsOneReference() {
        SchemaVersion v = new SchemaVersion("a", 1, 1, "\"int\"", false);
        state.putVersion(v);
        state.putVersion(v.asDeleted());

        assertThat(state.versions("a")).containsExactly(v.asDeleted());
        state.removeVersion("a", 1);
        assertThat(state.schemaById(1)).isEmpty();
    }
}
