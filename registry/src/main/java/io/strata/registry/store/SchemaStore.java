package io.strata.registry.store;

/** Durable log of registry changes plus the state replayed from it. */
public interface SchemaStore extends AutoCloseable {

    /** The state as replayed so far; reads never block on the log. */
    RegistryState state();

    /**
     * Appends a change and returns once it is visible in {@link #state()}, so a caller that writes
     * and then reads sees its own write.
     *
     * @throws StoreException when the log does not acknowledge or replay the change in time
     */
    void append(StoreRecord record);

    @Override
    void close();
}
