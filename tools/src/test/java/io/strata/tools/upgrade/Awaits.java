package io.strata.tools.upgrade;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting for what a running job writes: polled every second, failing after two minutes. */
final class Awaits {

    private static final Duration LIMIT = Duration.ofMinutes(2);

    private Awaits() {}

    static void until(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not within " + LIMIT);
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
