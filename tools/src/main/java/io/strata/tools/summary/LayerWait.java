package io.strata.tools.summary;

import java.io.PrintStream;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a layer's condition (caught up with the oracle, settled) until it holds or time is up. */
public final class LayerWait {

    private LayerWait() {}

    /**
     * Polls {@code done} every 2 s until it holds or {@code wait} is over, printing how long it
     * took; {@code goal} names the condition.
     *
     * @return whether {@code done} held
     */
    public static boolean await(
            PrintStream out, String layer, String goal, Duration wait, BooleanSupplier done) {
        out.println(
                "  waiting for " + layer + " to " + goal + " (commits happen on checkpoints) ...");
        long started = System.nanoTime();
        long deadline = started + wait.toNanos();
        boolean reached;
        while (!(reached = done.getAsBoolean()) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        out.printf(
                "  %s: %s after %.1f s%n",
                layer,
                reached ? "reached" : "NOT reached (see --wait)",
                (System.nanoTime() - started) / 1e9);
        return reached;
    }
}
