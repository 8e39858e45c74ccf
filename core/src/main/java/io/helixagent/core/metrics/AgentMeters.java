package io.helixagent.core.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The agent's own Micrometer registry: features bind function-backed meters over their aggregates here, and a
 * metrics endpoint can render it. It is never the host's registry (the agent's Micrometer is isolated from any
 * copy the host carries), so nothing the agent registers shows up in, or collides with, the host's meters.
 */
public final class AgentMeters {
    private final MeterRegistry registry = new SimpleMeterRegistry();

    /** @return the registry meters are bound to. */
    public MeterRegistry registry() {
        return registry;
    }
}
