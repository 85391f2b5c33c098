package io.strata.registry.store;

/**
 * One change to the registry's state, as written to and read back from the schemas topic. Every
 * change goes through the log so that a restarted registry replays to exactly the same state.
 */
public sealed interface StoreRecord {

    /** Applies this change to the in-memory state. */
    void applyTo(RegistryState state);

    /** Creates or replaces a subject version (also used to soft-delete it). */
    record PutVersion(SchemaVersion version) implements StoreRecord {
        @Override
        public void applyTo(RegistryState state) {
            state.putVersion(version);
        }
    }

    /** Removes a subject version for good (a tombstone on the compacted topic). */
    record RemoveVersion(String subject, int version) implements StoreRecord {
        @Override
        public void applyTo(RegistryState state) {
            state.removeVersion(subject, version);
        }
    }

    /** Sets the compatibility level of a subject, or the global one when subject is null. */
    record PutCompatibility(String subject, String level) implements StoreRecord {
        @Override
        public void applyTo(RegistryState state) {
            state.putLevel(subject, level);
        }
    }

    /** Clears the compatibility level of a subject, or the global one when subject is null. */
    record RemoveCompatibility(String subject) implements StoreRecord {
        @Override
        public void applyTo(RegistryState state) {
            state.removeLevel(subject);
        }
    }

    /**
     * Records that ids up to {@code maxId} were given out, written before a permanent delete so a
     * replay never hands out a removed schema's id again (bytes in topics may still carry it).
     */
    record ReserveIds(int maxId) implements StoreRecord {
        @Override
        public void applyTo(RegistryState state) {
            state.reserveIds(maxId);
        }
    }
}
