package io.strata.registry.store;

/** A store without durability, for unit tests of the registry's logic. */
public final class InMemorySchemaStore implements SchemaStore {

    private final RegistryState state = new RegistryState();

    @Override
    public RegistryState state() {
        return state;
    }

    @Override
    public void append(StoreRecord record) {
        record.applyTo(state);
    }

    @Override
    public void close() {}
}
