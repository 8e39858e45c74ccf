package io.helixagent.core.metrics;

import io.helixagent.core.aggregate.HttpHostAggregate;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Micrometer meters of outbound HTTP calls per target host, function-backed over
 * {@link HttpHostAggregate#published()}: Micrometer's {@code http.client.requests} timer with its
 * {@code client.name} tag set to {@code scheme://host:port} (never a path), and a timeout counter by phase.
 */
public final class HttpHostMeters {
    private static final String TIMEOUTS = "http.client.timeouts";
    private static final String TIMEOUTS_DESCRIPTION = "Outbound HTTP calls that timed out, by phase.";

    private HttpHostMeters() {
    }

    /**
     * Binds the meters of one host. Hosts are never forgotten (their number is capped), so neither are these.
     *
     * @return the meters.
     */
    public static List<Meter> bind(final MeterRegistry registry, final HttpHostAggregate host) {
        final Tags tags = Tags.of("client.name", host.name());
        return List.of(
            FunctionTimer.builder("http.client.requests", host, h -> h.published().callsTotal(),
                h -> h.published().callNanosTotal(), TimeUnit.NANOSECONDS)
                .description("Outbound HTTP calls, until the response headers arrived or the call failed.")
                .tags(tags).register(registry),
            FunctionCounter.builder(TIMEOUTS, host, h -> h.published().connectTimeoutsTotal())
                .description(TIMEOUTS_DESCRIPTION).tags(tags.and("phase", "connect")).register(registry),
            FunctionCounter.builder(TIMEOUTS, host, h -> h.published().readTimeoutsTotal())
                .description(TIMEOUTS_DESCRIPTION).tags(tags.and("phase", "response")).register(registry));
    }
}
