package io.helixagent.core.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The agent's own Micrometer registry, apart from any registry of the host (the agent's Micrometer is a
 * private copy in its isolated loader, so the two never meet).
 * <p>
 * A composite: features bind function-backed meters to it once, and exporters add their registry later without
 * the features knowing (the HTTP endpoint of SPEC section 7 adds a Prometheus registry). A simple registry is
 * always a member, so current values can be read in-process (tests, JMX) before any exporter exists.
 */
public final class AgentMetrics {
    private final CompositeMeterRegistry registry = new CompositeMeterRegistry();

    /** Creates the registry with its in-process member. */
    public AgentMetrics() {
        registry.add(new SimpleMeterRegistry());
    }

    /** @return the registry features bind their meters to. */
    public MeterRegistry registry() {
        return registry;
    }

    /** Adds an exporter's registry; meters bound so far appear in it too. */
    public void addExporter(final MeterRegistry exporter) {
        registry.add(exporter);
    }
}
