package io.helixagent.core.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.common.cache.CacheBuilder;
import io.helixagent.core.aggregate.CacheAggregate;
import io.helixagent.core.aggregate.CacheCounters;
import io.helixagent.core.metrics.AgentMeters;
import io.helixagent.core.record.RecordLayout;
import io.helixagent.core.record.RecordType;
import io.helixagent.core.subject.Subject;
import io.helixagent.core.subject.SubjectRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/** The cache feature on real Caffeine and Guava caches (not woven here): limits read, counts folded, meters bound. */
class CacheFeatureTest {
    private static final long SECOND_NS = 1_000_000_000L;
    private final SubjectRegistry subjects = new SubjectRegistry(10, () -> 0L);
    private final AgentMeters meters = new AgentMeters();
    private final CacheFeature feature = new CacheFeature(subjects, meters.registry());

    /** Registers {@code cache} (the library's internal cache, as the probes see it) with fresh counters. */
    private CacheCounters watch(final Object cache) {
        final Subject subject = subjects.register(cache, CacheFeature.KIND, "com.acme.Shop.<init>(Shop.java:12)");
        final CacheCounters counters = new CacheCounters();
        subject.probeState(counters);
        return counters;
    }

    private CacheAggregate tick() {
        feature.onTick(0);
        assertEquals(1, feature.caches().size());
        return feature.caches().iterator().next();
    }

    @Test
    void shouldReadCaffeineSizeAndLimitsWhenBounded() {
        final Cache<Integer, String> cache = Caffeine.newBuilder().maximumSize(100)
            .expireAfterWrite(Duration.ofSeconds(30)).build();
        cache.put(1, "a");
        cache.put(2, "b");
        watch(cache.asMap());
        final CacheAggregate aggregate = tick();
        assertEquals("Caffeine", aggregate.library());
        assertEquals("Caffeine cache #1", aggregate.subject().displayName());
        assertEquals(100, aggregate.capacity());
        assertEquals(2, aggregate.latestSize());
        assertEquals(30 * SECOND_NS, aggregate.expireAfterWriteNanos());
        assertEquals(CacheAggregate.NO_EXPIRY, aggregate.expireAfterAccessNanos());
    }

    @Test
    void shouldReadCaffeineWithoutBoundAsUnbounded() {
        watch(Caffeine.newBuilder().build().asMap());
        final CacheAggregate aggregate = tick();
        assertEquals(CacheAggregate.UNBOUNDED, aggregate.capacity());
        assertEquals(CacheAggregate.NO_EXPIRY, aggregate.expireAfterWriteNanos());
    }

    @Test
    void shouldReadGuavaSizeAndLimits() {
        final com.google.common.cache.Cache<Integer, String> cache = CacheBuilder.newBuilder().maximumSize(50)
            .expireAfterAccess(2, TimeUnit.MINUTES).build();
        cache.put(1, "a");
        watch(cache.asMap());
        final CacheAggregate aggregate = tick();
        assertEquals("Guava", aggregate.library());
        assertEquals(50, aggregate.capacity());
        assertEquals(1, aggregate.latestSize());
        assertEquals(120 * SECOND_NS, aggregate.expireAfterAccessNanos());
        assertEquals(CacheAggregate.NO_EXPIRY, aggregate.expireAfterWriteNanos());
    }

    @Test
    void shouldIgnoreObjectsOfNoSupportedLibrary() {
        watch(new java.util.concurrent.ConcurrentHashMap<>());
        feature.onTick(0);
        assertTrue(feature.caches().isEmpty());
    }

    @Test
    void shouldCountGetsAndLoadsIntoFunctionBackedMeters() {
        final CacheCounters counters = watch(Caffeine.newBuilder().maximumSize(10).build().asMap());
        for (int i = 0; i < 10; i++) {
            counters.requested(i);
        }
        counters.missed();
        counters.missed();
        counters.missed();
        counters.evicted();
        final UnsafeBuffer record = new UnsafeBuffer(new byte[RecordLayout.BODY_LENGTH]);
        RecordLayout.encode(record, 0, subjects.live(CacheFeature.KIND).get(0).id(), 0, 2_000_000L, 0);
        feature.onRecord(RecordType.CACHE_LOAD, record, 0);
        final CacheAggregate aggregate = tick();
        assertEquals(10, aggregate.gets().total());
        assertEquals(0.7, aggregate.hitRatio(), 1e-9);
        assertEquals(1, aggregate.loadsTotal());

        final MeterRegistry registry = meters.registry();
        assertEquals(7.0, registry.get("cache.gets").tag("result", "hit").functionCounter().count());
        assertEquals(3.0, registry.get("cache.gets").tag("result", "miss").functionCounter().count());
        assertEquals(1.0, registry.get("cache.evictions").tag("cause", "size").functionCounter().count());
        assertEquals(0.7, registry.get("cache.hit.ratio").tag("cache", "Caffeine cache #1").gauge().value(), 1e-9);
        assertEquals(2.0, registry.get("cache.load.duration").functionTimer().totalTime(TimeUnit.MILLISECONDS));
    }
}
