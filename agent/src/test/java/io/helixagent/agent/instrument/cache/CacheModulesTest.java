package io.helixagent.agent.instrument.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.google.common.cache.CacheBuilder;
import com.google.common.cache.CacheLoader;
import io.helixagent.agent.instrument.Instrumenter;
import io.helixagent.agent.instrument.caffeine.CaffeineModule;
import io.helixagent.agent.instrument.executor.ExecutorProbes;
import io.helixagent.agent.instrument.guava.GuavaCacheModule;
import io.helixagent.agent.instrument.events.EventProbes;
import io.helixagent.agent.instrument.events.ListenerProbes;
import io.helixagent.agent.instrument.executor.FanoutProbes;
import io.helixagent.agent.instrument.executor.ForkJoinProbes;
import io.helixagent.agent.instrument.connpool.ConnectionPoolProbes;
import io.helixagent.agent.instrument.http.HttpCallProbes;
import io.helixagent.agent.probe.ProbeHandlers;
import io.helixagent.agent.probe.RuntimeProbeSink;
import io.helixagent.core.feature.ConnectionPoolFeature;
import io.helixagent.core.subject.HostRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.helixagent.bridge.Probes;
import io.helixagent.core.aggregate.CacheCounters;
import io.helixagent.core.feature.CacheFeature;
import io.helixagent.core.pipeline.RecordRing;
import io.helixagent.core.record.RecordType;
import io.helixagent.core.subject.CallSites;
import io.helixagent.core.subject.ListenerRegistry;
import io.helixagent.core.subject.Subject;
import io.helixagent.core.subject.SubjectRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import net.bytebuddy.agent.ByteBuddyAgent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Caffeine and Guava modules woven into the real libraries of this JVM, counting what each call does. */
class CacheModulesTest {
    private final RecordRing ring = new RecordRing(64 * 1024);
    private final SubjectRegistry subjects = new SubjectRegistry(100, System::currentTimeMillis);
    private final ExecutorProbes executors = new ExecutorProbes(ring, subjects);
    private final RuntimeProbeSink sink = new RuntimeProbeSink(new ProbeHandlers(executors,
        new ForkJoinProbes(ring, subjects), new FanoutProbes(ring, new CallSites(), executors),
        new EventProbes(ring, subjects), new ListenerProbes(new ListenerRegistry()), new CacheProbes(ring, subjects),
        new ConnectionPoolProbes(ring, subjects, new ConnectionPoolFeature(subjects, new SimpleMeterRegistry())),
        new HttpCallProbes(ring, new HostRegistry(10))));
    private Instrumenter instrumenter;

    @BeforeEach
    void weave() {
        Probes.install(sink, null);
        instrumenter = new Instrumenter(ByteBuddyAgent.install(), List.of(new CaffeineModule(),
            new GuavaCacheModule()));
    }

    @AfterEach
    void unweave() {
        instrumenter.reset();
        Probes.install(null, null);
    }

    /** @return the counters of the cache behind a library's wrapper ({@code asMap()} is the internal cache). */
    private CacheCounters counters(final Object internal) {
        final Subject subject = subjects.find(internal);
        assertNotNull(subject, "the cache was registered at construction");
        assertEquals(CacheFeature.KIND, subject.kind());
        return (CacheCounters) subject.probeState();
    }

    private int loadRecords() {
        final int[] loads = new int[1];
        ring.drain((type, buffer, index, length) -> loads[0] += type == RecordType.CACHE_LOAD ? 1 : 0, 10_000);
        return loads[0];
    }

    @Test
    void shouldCountCaffeineGetsMissesLoadsAndEvictionsWhenBounded() {
        final LoadingCache<Integer, String> cache = Caffeine.newBuilder().maximumSize(10).executor(Runnable::run)
            .build(key -> "value" + key);
        for (int i = 0; i < 30; i++) {
            cache.get(i % 15);
        }
        cache.getIfPresent(1000);
        cache.asMap().get(1);
        cache.cleanUp();
        final CacheCounters counters = counters(cache.asMap());
        assertEquals(31, counters.gets(), "30 loading gets and one getIfPresent; the map view is not a get");
        assertTrue(counters.misses() >= 16, "15 first loads and the absent key: " + counters.misses());
        assertEquals(counters.misses() - 1, loadRecords(), "every miss but the getIfPresent loads");
        assertTrue(counters.evictions() >= 5, "15 keys in 10 entries: " + counters.evictions());
        assertEquals(15, counters.keys().estimate(), 1);
    }

    @Test
    void shouldCountCaffeineExpirationsWhenEntriesOutliveTheirTtl() {
        final AtomicLong now = new AtomicLong();
        final LoadingCache<Integer, String> cache = Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(1))
            .ticker(now::get).executor(Runnable::run).build(key -> "value" + key);
        cache.get(1);
        now.addAndGet(TimeUnit.SECONDS.toNanos(2));
        cache.get(1);
        cache.cleanUp();
        final CacheCounters counters = counters(cache.asMap());
        assertEquals(2, counters.gets());
        assertEquals(2, counters.misses());
        assertEquals(1, counters.expirations());
        assertEquals(0, counters.evictions());
    }

    @Test
    void shouldCountCaffeineMissesExactlyWhenUnbounded() {
        final LoadingCache<Integer, String> cache = Caffeine.newBuilder().build(key -> "value" + key);
        cache.get(1);
        cache.get(1);
        cache.get(2);
        cache.getIfPresent(3);
        final CacheCounters counters = counters(cache.asMap());
        assertEquals(4, counters.gets());
        assertEquals(3, counters.misses());
        assertEquals(2, loadRecords());
    }

    @Test
    void shouldCountGuavaGetsMissesLoadsAndEvictions() {
        final com.google.common.cache.LoadingCache<Integer, String> cache = CacheBuilder.newBuilder()
            .maximumSize(5).concurrencyLevel(1).build(CacheLoader.from(key -> "value" + key));
        for (int i = 0; i < 20; i++) {
            cache.getUnchecked(i % 10);
        }
        cache.getIfPresent(1000);
        final CacheCounters counters = counters(cache.asMap());
        assertEquals(21, counters.gets());
        assertEquals(21, counters.misses(), "10 keys cycling through 5 entries (LRU) never hit");
        assertEquals(20, loadRecords());
        assertEquals(15, counters.evictions());
    }
}
