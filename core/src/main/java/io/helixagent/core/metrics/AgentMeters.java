package io.helixagent.core.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The agent's own Micrometer registry, separate from any registry of the host's (the agent's Micrometer is
 * isolated in its class loader). Features bind function-backed meters over their aggregates to it, in
 * Micrometer's naming conventions ({@code executor.*}, {@code cache.*}, ...); reading a meter costs the host
 * nothing. Exposing it (Prometheus text over HTTP) is the metrics endpoint's job.
 */
public final class AgentMeters implements AutoCloseable {
    private final MeterRegistry registry = new SimpleMeterRegistry();

    /** @return the registry meters are bound to. */
    public MeterRegistry registry() {
        return registry;
    }

    /** Removes every meter; called on detach. */
    @Override
    public void close() {
        registry.clear();
        registry.close();
    }
}
