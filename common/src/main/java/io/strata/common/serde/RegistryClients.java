package io.strata.common.serde;

import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.Map;

/**
 * One client per registry configuration per JVM while anything uses it, so all subtasks of a task
 * manager share one cache of schemas instead of each resolving every id again.
 *
 * <p>Held weakly. A client's {@link java.net.http.HttpClient} runs a selector thread, which
 * inherits the context class loader of the task that created it, and lives as long as the client is
 * reachable: a static map that kept clients alive kept, through that thread, the class loader of
 * every job that ever created one, and all its classes in the TaskManager's metaspace. The
 * serializers and deserializers hold their client while they live; once none does, it is collected,
 * its thread ends within seconds, and the job's class loader can go.
 */
final class RegistryClients {

    private static final Map<RegistryClientConfig, WeakReference<RegistryClient>> CLIENTS =
            new HashMap<>();

    private RegistryClients() {}

    static synchronized RegistryClient shared(RegistryClientConfig config) {
        WeakReference<RegistryClient> held = CLIENTS.get(config);
        RegistryClient client = held == null ? null : held.get();
        if (client == null) {
            CLIENTS.values().removeIf(r -> r.get() == null);
            client = new RegistryClient(config);
            CLIENTS.put(config, new WeakReference<>(client));
        }
        return client;
    }
}
