package io.helixagent.core.detect;

import java.util.List;

/** Every detector id of SPEC section 5, for validating the {@code detectors} setting. */
public final class DetectorIds {
    /** All ids, in SPEC order. */
    public static final List<String> ALL = List.of("pool.saturation", "connpool.exhaustion", "http.slow",
        "eventbus.backpressure", "cache.hit-rate", "memory.heap-leak", "threads.leak", "listeners.leak",
        "locks.contention", "locks.deadlock", "gc.overhead", "startup.slow", "latency.regression", "resource.cpu",
        "resource.memory", "resource.disk", "resource.fds", "ui.freeze", "fanout.straggler", "agent.overload");

    private DetectorIds() {
    }

    /**
     * @param selector an item of the {@code detectors} setting: {@code all}, an id, or a prefix such as
     *                 {@code resource} or {@code locks.}.
     * @return true when it names at least one detector.
     */
    public static boolean isValidSelector(final String selector) {
        return "all".equals(selector) || ALL.stream().anyMatch(id -> matches(selector, id));
    }

    /** @return true when {@code selector} selects detector {@code id}. */
    public static boolean matches(final String selector, final String id) {
        if ("all".equals(selector) || id.equals(selector)) {
            return true;
        }
        final String prefix = selector.endsWith(".") ? selector : selector + ".";
        return id.startsWith(prefix);
    }
}
