package io.strata.common.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The JVM-wide registry clients: shared while used, and gone, selector thread included, once no
 * serializer holds them (the thread would otherwise keep a finished job's class loader alive).
 */
class RegistryClientsTest {

    private static final RegistryClientConfig CONFIG =
            RegistryClientConfig.of("http://localhost:1/registry-clients-test");

    @Test
    void aClientIsSharedWhileHeldAndItsSelectorThreadEndsOnceNothingHoldsIt() throws Exception {
        Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
        RegistryClient client = RegistryClients.shared(CONFIG);
        assertThat(RegistryClients.shared(CONFIG)).isSameAs(client);
        assertThat(RegistryClients.shared(RegistryClientConfig.of("http://localhost:2/other")))
                .isNotSameAs(client);

        Set<Thread> selectors = new HashSet<>(Thread.getAllStackTraces().keySet());
        selectors.removeAll(before);
        selectors.removeIf(t -> !t.getName().endsWith("SelectorManager"));
        assertThat(selectors).isNotEmpty();

        WeakReference<RegistryClient> held = new WeakReference<>(client);
        client = null;
        long deadline = System.nanoTime() + 30_000_000_000L;
        while ((held.get() != null || selectors.stream().anyMatch(Thread::isAlive))
                && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(100);
        }
        assertThat(held.get()).as("the client, once nothing holds it").isNull();
        assertThat(selectors).as("its HttpClient's selector thread").noneMatch(Thread::isAlive);

        // A new one is made on demand.
        assertThat(RegistryClients.shared(CONFIG)).isNotNull();
    }
}
