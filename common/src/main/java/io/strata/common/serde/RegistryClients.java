package io.strata.common.serde;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One client per registry configuration per JVM, so all subtasks of a task manager share one cache
 * of schemas instead of each resolving every id again.
 */
final class RegistryClients {

    private static final Map<RegistryClientConfig, RegistryClient> CLIENTS =
            new ConcurrentHashMap<>();

    private RegistryClients() {}

    static RegistryClient shared(RegistryClientConfig config) {
        return CLIENTS.computeIfAbsent(config, RegistryClient::new);
    }
}
