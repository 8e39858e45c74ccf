package io.helixagent.agent.instrument.cache;

import io.helixagent.agent.instrument.caffeine.CaffeineModule;
import io.helixagent.agent.probe.CreationSite;
import io.helixagent.core.aggregate.CacheCounters;
import io.helixagent.core.feature.CacheFeature;
import io.helixagent.core.pipeline.RecordRing;
import io.helixagent.core.record.RecordType;
import io.helixagent.core.subject.Subject;
import io.helixagent.core.subject.SubjectRegistry;
import java.util.concurrent.Future;

/**
 * What the cache probes of every library (Caffeine, Guava, JCache) do, on host threads.
 *
 * <h2>Counting, not recording</h2>
 * A get is the most frequent event the agent sees, so it is counted rather than sent through the ring buffer:
 * the cache's {@link CacheCounters}, attached to its subject at construction, take one striped increment per get
 * (and one per miss) and one update of a distinct-key sketch fed with the key's {@code hashCode()}. The pipeline
 * sums the counters once a second. A hit therefore costs an identity-hash look-up of the cache, the key's hash
 * code (cached by {@code String} and free for boxed numbers; a key type with an expensive {@code hashCode} pays
 * it once more), an atomic add and a sketch read: about 10 ns, no allocation, no lock. Loads, which carry a
 * duration and are far rarer than hits, are one {@code CACHE_LOAD} record each. Keys and values are never kept.
 *
 * <h2>Semantics</h2>
 * A get is a call the library itself counts in its statistics ({@code getIfPresent}, {@code get} with a loader,
 * {@code LoadingCache.get}); map views and bulk calls ({@code getAll}, {@code getAllPresent}) are not counted. A
 * miss is a get that found no value ready: it loaded the value, or waited for another thread loading the same
 * key (Guava counts such a wait as a miss too; Caffeine counts it as a hit, but the caller paid the miss). The
 * load time of an asynchronous cache's miss is not measured: the load runs on another thread.
 *
 * <h2>JCache read-through</h2>
 * A JCache {@code get} of a read-through cache loads inside the provider, so its result alone does not tell a
 * hit from a load. The get's start and end bracket the call on a thread-local {@code long[]} (a JDK type, so it
 * pins nothing of the agent after detach): a {@code CacheLoader} returning in between marks the get a miss and
 * records its load for that cache.
 */
public final class CacheProbes {
    /** Caffeine's own JCache provider, whose caches are watched as JCache caches, not as the Caffeine inside. */
    static final String CAFFEINE_JCACHE = CaffeineModule.PACKAGE + "jcache.";
    /** The kind of a cache the agent knows but does not watch (the Caffeine cache inside a JCache cache). */
    static final String DELEGATE_KIND = "cache-delegate";
    private static final int DEPTH = 0;
    private static final int SUBJECT = 1;
    private static final int LOADED = 2;

    private final RecordRing ring;
    private final SubjectRegistry subjects;
    private final ThreadLocal<long[]> jcacheGet = ThreadLocal.withInitial(() -> new long[3]);

    /**
     * @param ring     where loads go.
     * @param subjects where caches are registered.
     */
    public CacheProbes(final RecordRing ring, final SubjectRegistry subjects) {
        this.ring = ring;
        this.subjects = subjects;
    }

    /** Registers a new cache once, with its counters and the code that built it. */
    public void created(final Object cache, final String libraryPackage) {
        if (subjects.find(cache) != null) {
            return;
        }
        if (CaffeineModule.PACKAGE.equals(libraryPackage) && CreationSite.calledFrom(CAFFEINE_JCACHE)) {
            subjects.register(cache, DELEGATE_KIND, CreationSite.of(cache, libraryPackage));
            return;
        }
        final String library = libraryPackage != null ? libraryPackage : cache.getClass().getPackageName() + ".";
        watch(subjects.register(cache, CacheFeature.KIND, CreationSite.of(cache, library)));
    }

    public void get(final Object cache, final Object key, final boolean hit) {
        final CacheCounters counters = counters(subjectOf(cache));
        if (counters != null) {
            counters.requested(hashOf(key));
            if (!hit) {
                counters.missed();
            }
        }
    }

    public void requested(final Object cache, final Object key) {
        final CacheCounters counters = counters(subjectOf(cache));
        if (counters != null) {
            counters.requested(hashOf(key));
        }
    }

    public void loaded(final Object cache, final Object value, final long nanos, final boolean threw) {
        final Subject subject = subjectOf(cache);
        final CacheCounters counters = counters(subject);
        if (counters != null) {
            counters.missed();
            if (!(value instanceof Future)) {
                publishLoad(subject.id(), value, nanos, threw);
            }
        }
    }

    public void missed(final Object cache) {
        final CacheCounters counters = counters(subjectOf(cache));
        if (counters != null) {
            counters.missed();
        }
    }

    /** Counts evictions by size and expirations; explicit removals and replacements are not misses' causes. */
    public void removed(final Object cache, final Object cause) {
        final CacheCounters counters = counters(subjectOf(cache));
        if (counters == null || !(cause instanceof Enum)) {
            return;
        }
        final String name = ((Enum<?>) cause).name();
        if ("SIZE".equals(name)) {
            counters.evicted();
        } else if ("EXPIRED".equals(name)) {
            counters.expired();
        }
    }

    public void getStarted(final Object cache) {
        final long[] state = jcacheGet.get();
        if (state[DEPTH]++ == 0) {
            final Subject subject = subjectOf(cache);
            state[SUBJECT] = counters(subject) == null ? 0 : subject.id();
            state[LOADED] = 0;
        }
    }

    public void getFinished(final Object cache, final Object key, final Object value) {
        final long[] state = jcacheGet.get();
        if (--state[DEPTH] > 0) {
            return;
        }
        state[DEPTH] = 0;
        final CacheCounters counters = counters(subjectOf(cache));
        if (counters != null) {
            counters.requested(hashOf(key));
            if (value == null || state[LOADED] != 0) {
                counters.missed();
            }
        }
    }

    public void loaderFinished(final Object value, final long nanos, final boolean threw) {
        final long[] state = jcacheGet.get();
        if (state[DEPTH] > 0 && state[SUBJECT] != 0) {
            state[LOADED] = 1;
            publishLoad((int) state[SUBJECT], value, nanos, threw);
        }
    }

    private void publishLoad(final int subjectId, final Object value, final long nanos, final boolean threw) {
        ring.publish(RecordType.CACHE_LOAD, subjectId, threw || value == null ? 1 : 0, nanos, 0);
    }

    /** Caches created before a dynamic attach are registered on their first get. */
    private Subject subjectOf(final Object cache) {
        final Subject known = subjects.find(cache);
        return known != null ? known : watch(subjects.register(cache, CacheFeature.KIND, CreationSite.BEFORE_ATTACH));
    }

    /** Attaches counters once, also when two threads register the same cache at once (rare: registration only). */
    private static Subject watch(final Subject subject) {
        if (subject != null && CacheFeature.KIND.equals(subject.kind())) {
            synchronized (subject) {
                if (subject.probeState() == null) {
                    subject.probeState(new CacheCounters());
                }
            }
        }
        return subject;
    }

    private static CacheCounters counters(final Subject subject) {
        final Object state = subject == null ? null : subject.probeState();
        return state instanceof CacheCounters ? (CacheCounters) state : null;
    }

    private static int hashOf(final Object key) {
        return key == null ? 0 : key.hashCode();
    }
}
