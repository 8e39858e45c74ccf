package io.helixagent.core.metrics;

import io.helixagent.core.aggregate.CacheAggregate;
import io.helixagent.core.aggregate.CacheCounters;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Micrometer meters for one cache, named as Micrometer's own cache binders name them ({@code cache.gets} tagged
 * {@code result=hit|miss}, {@code cache.size}, {@code cache.evictions}, {@code cache.loads}, plus a
 * {@code cache.hit.ratio} gauge), but found by the agent instead of registered by hand.
 * <p>
 * Every meter is function-backed: it reads the probes' counters or the aggregate's totals when scraped, so the
 * meters cost the host nothing. Tags: {@code cache} (the library's name for it, or a generated one),
 * {@code createdAt} (the creation site) and {@code library}. {@link #close} removes them when the cache is gone.
 */
public final class CacheMeters implements AutoCloseable {
    private final MeterRegistry registry;
    private final List<Meter> meters = new ArrayList<>();

    /**
     * Binds the meters of {@code cache}.
     *
     * @param registry where.
     * @param cache    the cache's aggregate.
     * @param name     the name to tag it with.
     */
    public CacheMeters(final MeterRegistry registry, final CacheAggregate cache, final String name) {
        this.registry = registry;
        final Tags tags = Tags.of("cache", name, "createdAt", cache.subject().creationSite(), "library",
            cache.library());
        final CacheCounters counters = cache.counters();
        meters.add(FunctionCounter.builder("cache.gets", counters, CacheMeters::hits).tags(tags).tag("result", "hit")
            .description("gets that found a value").register(registry));
        meters.add(FunctionCounter.builder("cache.gets", counters, CacheCounters::misses).tags(tags)
            .tag("result", "miss").description("gets that found no value and loaded it or returned nothing")
            .register(registry));
        meters.add(Gauge.builder("cache.hit.ratio", cache, CacheAggregate::hitRatio).tags(tags)
            .description("share of gets that hit over the last 10 seconds").strongReference(true)
            .register(registry));
        meters.add(Gauge.builder("cache.size", cache, CacheMeters::size).tags(tags)
            .description("entries (or total weight for weighted caches), when the library tells")
            .strongReference(true).register(registry));
        meters.add(FunctionCounter.builder("cache.evictions", counters, CacheCounters::evictions).tags(tags)
            .tag("cause", "size").description("entries evicted because the cache was full").register(registry));
        meters.add(FunctionCounter.builder("cache.evictions", counters, CacheCounters::expirations).tags(tags)
            .tag("cause", "expired").description("entries removed because they expired").register(registry));
        meters.add(FunctionCounter.builder("cache.loads", cache, c -> c.loadsTotal() - c.loadFailuresTotal())
            .tags(tags).tag("result", "success").description("misses that loaded a value").register(registry));
        meters.add(FunctionCounter.builder("cache.loads", cache, CacheAggregate::loadFailuresTotal).tags(tags)
            .tag("result", "failure").description("loads that threw or produced nothing").register(registry));
        meters.add(FunctionTimer.builder("cache.load.duration", cache, CacheAggregate::loadsTotal,
            CacheAggregate::loadNanosTotal, TimeUnit.NANOSECONDS).tags(tags)
            .description("time spent loading values after misses").register(registry));
    }

    private static double hits(final CacheCounters counters) {
        final long misses = counters.misses();
        return Math.max(0, counters.gets() - misses);
    }

    private static double size(final CacheAggregate cache) {
        final long size = cache.latestSize();
        return size < 0 ? Double.NaN : size;
    }

    /** Removes the meters from the registry. */
    @Override
    public void close() {
        for (final Meter meter : meters) {
            registry.remove(meter);
        }
        meters.clear();
    }
}
