package io.helixagent.core.metrics;

import io.helixagent.core.aggregate.ConnectionPoolAggregate;
import io.helixagent.core.aggregate.ConnectionPoolAggregate.Published;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * Micrometer meters of connection pools, function-backed over {@link ConnectionPoolAggregate#published()}:
 * read when scraped, nothing done per connection. Names follow the libraries' own Micrometer bindings, so
 * dashboards built for them work: HikariCP's {@code MicrometerMetricsTracker} ({@code hikaricp.connections.*},
 * tag {@code pool}) and Micrometer's HttpClient 5 binder ({@code httpcomponents.httpclient.pool.*}, tag
 * {@code httpclient}), the latter extended with the lease wait, lease timeouts and lease times the agent measures.
 */
public final class ConnectionPoolMeters {
    private static final String HIKARI = "hikaricp.connections";
    private static final String HTTP_POOL = "httpcomponents.httpclient.pool";

    private ConnectionPoolMeters() {
    }

    /**
     * Binds the meters of a HikariCP pool.
     *
     * @return the meters, to remove when the pool is gone.
     */
    public static List<Meter> bindHikari(final MeterRegistry registry, final String poolName,
                                         final ConnectionPoolAggregate pool) {
        final Tags tags = Tags.of("pool", poolName);
        final List<Meter> meters = new ArrayList<>();
        meters.add(gauge(registry, HIKARI, "Total connections", tags, pool, Published::total));
        meters.add(gauge(registry, HIKARI + ".active", "Active connections", tags, pool, Published::active));
        meters.add(gauge(registry, HIKARI + ".idle", "Idle connections", tags, pool, Published::idle));
        meters.add(gauge(registry, HIKARI + ".pending", "Pending threads", tags, pool, Published::pending));
        meters.add(gauge(registry, HIKARI + ".max", "Max connections", tags, pool, Published::max));
        meters.add(timeouts(registry, HIKARI + ".timeout", "Connection timeout total count", tags, pool));
        meters.add(acquireTimer(registry, HIKARI + ".acquire", "Connection acquire time", tags, pool));
        meters.add(usageTimer(registry, HIKARI + ".usage", "Connection usage time", tags, pool));
        return meters;
    }

    /**
     * Binds the meters of an HttpClient 5 connection manager.
     *
     * @return the meters, to remove when the manager is gone.
     */
    public static List<Meter> bindHttpClient(final MeterRegistry registry, final String name,
                                             final ConnectionPoolAggregate pool) {
        final Tags tags = Tags.of("httpclient", name);
        final List<Meter> meters = new ArrayList<>();
        meters.add(gauge(registry, HTTP_POOL + ".total.max",
            "The configured maximum number of allowed persistent connections for all routes.", tags, pool,
            Published::max));
        meters.add(gauge(registry, HTTP_POOL + ".total.connections",
            "The number of persistent and available connections for all routes.", tags.and("state", "available"),
            pool, Published::idle));
        meters.add(gauge(registry, HTTP_POOL + ".total.connections",
            "The number of persistent and leased connections for all routes.", tags.and("state", "leased"), pool,
            Published::active));
        meters.add(gauge(registry, HTTP_POOL + ".total.pending",
            "The number of connection requests being blocked awaiting a free connection for all routes.", tags,
            pool, Published::pending));
        meters.add(timeouts(registry, HTTP_POOL + ".lease.timeout",
            "Connection requests that gave up waiting for a free connection.", tags, pool));
        meters.add(acquireTimer(registry, HTTP_POOL + ".lease", "Time requests waited for a pooled connection.",
            tags, pool));
        meters.add(usageTimer(registry, HTTP_POOL + ".usage", "Time pooled connections were leased.", tags, pool));
        return meters;
    }

    private static Meter gauge(final MeterRegistry registry, final String name, final String description,
                               final Tags tags, final ConnectionPoolAggregate pool,
                               final ToDoubleFunction<Published> value) {
        return Gauge.builder(name, pool, p -> value.applyAsDouble(p.published())).description(description)
            .tags(tags).register(registry);
    }

    private static Meter timeouts(final MeterRegistry registry, final String name, final String description,
                                  final Tags tags, final ConnectionPoolAggregate pool) {
        return FunctionCounter.builder(name, pool, p -> p.published().timeoutsTotal()).description(description)
            .tags(tags).register(registry);
    }

    private static Meter acquireTimer(final MeterRegistry registry, final String name, final String description,
                                      final Tags tags, final ConnectionPoolAggregate pool) {
        return FunctionTimer.builder(name, pool, p -> p.published().attemptsTotal(),
            p -> p.published().waitNanosTotal(), TimeUnit.NANOSECONDS).description(description).tags(tags)
            .register(registry);
    }

    private static Meter usageTimer(final MeterRegistry registry, final String name, final String description,
                                    final Tags tags, final ConnectionPoolAggregate pool) {
        return FunctionTimer.builder(name, pool, p -> p.published().releasedTotal(),
            p -> p.published().holdNanosTotal(), TimeUnit.NANOSECONDS).description(description).tags(tags)
            .register(registry);
    }
}
