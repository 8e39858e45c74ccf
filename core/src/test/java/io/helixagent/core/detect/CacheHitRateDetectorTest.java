package io.helixagent.core.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.helixagent.core.aggregate.CacheAggregate;
import io.helixagent.core.aggregate.CacheCounters;
import io.helixagent.core.subject.Subject;
import io.helixagent.core.subject.SubjectRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Drives the detector through every severity and back, and through each likely cause, with synthetic seconds. */
class CacheHitRateDetectorTest {
    private static final long SECOND_NS = 1_000_000_000L;
    private static final long MS = 1_000_000L;
    private final CacheHitRateDetector detector = new CacheHitRateDetector();
    private final Object cache = new Object();
    private final Subject subject = new SubjectRegistry(10, () -> 0L).register(cache, "cache",
        "com.acme.Catalog.<init>(Catalog.java:31)");
    private final CacheCounters counters = new CacheCounters();
    private long capacity = 1000;
    private long expireAfterWriteNanos = CacheAggregate.NO_EXPIRY;
    private CacheAggregate aggregate = new CacheAggregate(subject, counters, "Caffeine", 10);
    private int nextKey;

    CacheHitRateDetectorTest() {
        detector.configure(TestConfigs.of(""));
        subject.nameIfAbsent("products");
    }

    /**
     * One second of a cache: {@code gets} over a key space of {@code keys} distinct keys, of which {@code misses}
     * missed, loaded in 5 ms each, with evictions and expirations.
     */
    private Evaluation second(final int gets, final int keys, final int misses, final int evictions,
                              final int expirations) {
        for (int i = 0; i < gets; i++) {
            counters.requested(Integer.hashCode(nextKey++ % keys));
        }
        for (int i = 0; i < misses; i++) {
            counters.missed();
            aggregate.onLoad(5 * MS, false);
        }
        for (int i = 0; i < evictions; i++) {
            counters.evicted();
        }
        for (int i = 0; i < expirations; i++) {
            counters.expired();
        }
        aggregate.collectCounters();
        aggregate.onSample(Math.min(capacity, keys), capacity, false, expireAfterWriteNanos,
            CacheAggregate.NO_EXPIRY);
        final Evaluation e = detector.evaluate(aggregate);
        aggregate.rotate();
        return e;
    }

    private Evaluation seconds(final int n, final int gets, final int keys, final int misses, final int evictions,
                               final int expirations) {
        Evaluation last = null;
        for (int i = 0; i < n; i++) {
            last = second(gets, keys, misses, evictions, expirations);
        }
        return last;
    }

    @Test
    void shouldSayNothingWithTooFewGets() {
        assertNull(seconds(10, 9, 100, 9, 9, 0), "90 gets in 10 s stay below min.gets");
    }

    @Test
    void shouldNotJudgeCacheThatIsStillFillingUp() {
        for (int i = 1; i < CacheHitRateDetector.WARMUP_SECONDS; i++) {
            assertNull(second(1000, 5000, 900, 0, 0), "second " + i + " of a cache filling up");
        }
        assertEquals(Severity.CRITICAL, second(1000, 5000, 900, 0, 0).severity(), "filled for 5 s: judged");
    }

    @Test
    void shouldGoFromHealthyToInfoToWarningToCriticalAndBack() {
        assertNull(seconds(10, 1000, 500, 100, 100, 0), "90% hits");

        final Evaluation info = seconds(10, 1000, 500, 300, 300, 0);
        assertEquals(Severity.INFO, info.severity(), info.toString());
        assertEquals(0.7, (Double) info.evidence().get("hitRate"), 1e-9);

        final Evaluation warning = seconds(10, 1000, 500, 500, 500, 0);
        assertEquals(Severity.WARNING, warning.severity(), warning.toString());

        final Evaluation critical = seconds(10, 1000, 500, 800, 800, 0);
        assertEquals(Severity.CRITICAL, critical.severity(), critical.toString());
        assertEquals(0.2, (Double) critical.evidence().get("hitRate"), 1e-9);
        assertEquals(10_000L, critical.evidence().get("gets"));

        assertNull(seconds(10, 1000, 500, 50, 50, 0), "a window of 95% hits");
    }

    @Test
    void shouldNameCacheTooSmallWhenEvictionsFollowMisses() {
        capacity = 100;
        final Evaluation e = seconds(10, 1000, 500, 700, 690, 0);
        assertEquals("too-small", e.evidence().get("cause"));
        assertEquals(100L, e.evidence().get("maximumSize"));
        final long distinct = (Long) e.evidence().get("distinctKeys");
        assertEquals(500, distinct, 500 * 0.1);
        assertTrue(e.recommendations().get(0).startsWith("Increase the cache size: it holds at most 100 entries but "
            + distinct + " distinct keys were asked for"), e.recommendations().toString());
        assertTrue(e.recommendations().get(0).contains("maximumSize(" + (distinct + distinct / 5) + ")"),
            e.recommendations().toString());
    }

    @Test
    void shouldNameTtlWhenExpirationsFollowMisses() {
        expireAfterWriteNanos = SECOND_NS;
        final Evaluation e = seconds(10, 1000, 500, 700, 0, 690);
        assertEquals("ttl-too-short", e.evidence().get("cause"));
        assertEquals(1.0, e.evidence().get("expireAfterWriteSec"));
        assertTrue(e.recommendations().get(0).startsWith("Increase the TTL: entries expire 1 s after they are written"),
            e.recommendations().toString());
        assertTrue(e.recommendations().get(0).contains("expireAfterWrite(Duration.ofSeconds("),
            e.recommendations().toString());
    }

    @Test
    void shouldNameTooManyKeysWhenMissesHaveNoRemovalBehindThem() {
        capacity = 100_000;
        final Evaluation e = seconds(10, 1000, 1_000_000, 990, 0, 0);
        assertEquals("too-many-unique-keys", e.evidence().get("cause"));
        assertEquals(1.0, (Double) e.evidence().get("getsPerKey"), 0.1, e.evidence().toString());
        assertTrue(e.recommendations().get(0).startsWith("Too many unique keys: 9900 of 10000 gets missed without an "
            + "eviction or expiration behind them"), e.recommendations().toString());
        assertTrue(e.summary().endsWith(", misses without evictions or expirations)."), e.summary());
    }

    @Test
    void shouldNameTooManyKeysWhenKeySpaceDwarfsCapacity() {
        capacity = 20;
        final Evaluation e = seconds(10, 2000, 500, 1800, 1800, 0);
        assertEquals("too-many-unique-keys", e.evidence().get("cause"));
        assertTrue(e.recommendations().get(0).startsWith("Too many unique keys for the size: "),
            e.recommendations().toString());
    }

    @Test
    void shouldInferShortTtlForJCacheFromHowOftenKeysReturn() {
        aggregate = new CacheAggregate(subject, counters, "JCache", 10);
        capacity = CacheAggregate.UNKNOWN;
        expireAfterWriteNanos = SECOND_NS;
        final Evaluation e = seconds(10, 1000, 4000, 700, 0, 0);
        assertEquals("ttl-too-short", e.evidence().get("cause"));
        assertTrue(!e.evidence().containsKey("evictions"), "JCache does not report removals");
        assertTrue((Double) e.evidence().get("keyIntervalSec") > 2, e.evidence().toString());
        assertTrue(e.recommendations().get(0).contains("CreatedExpiryPolicy.factoryOf"),
            e.recommendations().toString());
    }

    @Test
    void shouldSayCauseUnknownForJCacheWithoutTellingExpiry() {
        aggregate = new CacheAggregate(subject, counters, "JCache", 10);
        capacity = CacheAggregate.UNKNOWN;
        final Evaluation e = seconds(10, 1000, 100, 500, 0, 0);
        assertEquals("unknown", e.evidence().get("cause"));
        assertTrue(e.recommendations().get(0).startsWith("Find the cause in the provider's own statistics: "),
            e.recommendations().toString());
    }

    @Test
    void shouldWriteSummaryAndEvidenceWithTheSameNumbers() {
        capacity = 100;
        final Evaluation e = seconds(10, 200, 400, 150, 150, 0);
        assertEquals("products (created at com.acme.Catalog.<init>(Catalog.java:31))", e.subject());
        assertEquals("Cache products misses too often", e.title());
        final Map<String, Object> ev = e.evidence();
        assertEquals("Cache products: hit rate 25% over 10 s (1500 of 2000 gets missed, loads take 5 ms at p99); "
            + "likely cause: cache too small (1500 evictions for 1500 misses, " + ev.get("distinctKeys")
            + " distinct keys for at most 100 entries).", e.summary());
        assertEquals(List.of("hitRate", "gets", "misses", "getsPerSec", "cause", "loads", "loadFailures", "loadP50Ms",
            "loadP99Ms", "evictions", "expirations", "size", "maximumSize", "expireAfterWriteSec",
            "expireAfterAccessSec", "distinctKeys", "distinctKeysWindowSec", "getsPerKey", "keyIntervalSec",
            "library", "windowSec"), List.copyOf(ev.keySet()));
        assertEquals("none", ev.get("expireAfterWriteSec"));
        assertEquals(1500L, ev.get("loads"));
        assertTrue(e.recommendations().get(1).startsWith("Each miss costs a load of 5 ms (p50, 5 ms p99)"),
            e.recommendations().toString());
    }

    @Test
    void shouldHonourConfiguredThresholds() {
        detector.configure(TestConfigs.of("detector.cache.hit-rate.min=0.95,detector.cache.hit-rate.min.gets=10"));
        assertEquals(Severity.INFO, seconds(10, 1000, 500, 100, 100, 0).severity(), "90% is below min=95%");
        detector.configure(TestConfigs.of("detector.cache.hit-rate.min.gets=100000"));
        assertNull(seconds(10, 1000, 500, 900, 900, 0), "10,000 gets stay below min.gets=100000");
    }
}
