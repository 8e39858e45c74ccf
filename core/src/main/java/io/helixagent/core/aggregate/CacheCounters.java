package io.helixagent.core.aggregate;

import io.helixagent.core.stats.DistinctCounter;
import io.helixagent.core.stats.StripedCounters;

/**
 * What the cache probes count for one cache, on host threads, and the pipeline reads once a tick: gets, misses,
 * evictions by size, expirations, and the distinct keys asked for. Attached to the cache's subject, so a probe
 * finds it with the subject, without a second look-up.
 * <p>
 * Counting instead of recording: a cache is read far more often than a worker pool runs tasks, so a hit costs one
 * striped increment and one sketch update (about 10 ns together) instead of a ring-buffer record. Loads, which
 * are rarer and carry a duration, are records ({@code RecordType.CACHE_LOAD}). Keys and values are never kept:
 * only the key's hash code reaches the sketch.
 */
public final class CacheCounters {
    private static final int GETS = 0;
    private static final int MISSES = 1;
    private static final int EVICTIONS = 2;
    private static final int EXPIRATIONS = 3;

    private final StripedCounters counts = new StripedCounters(4);
    private final DistinctCounter keys = new DistinctCounter();

    /** A get of the key with this hash code; whether it missed is told by {@link #missed}. */
    public void requested(final int keyHash) {
        counts.increment(GETS);
        keys.add(keyHash);
    }

    /** A get found no value (counted after its {@link #requested}). */
    public void missed() {
        counts.increment(MISSES);
    }

    /** An entry was evicted because the cache was full. */
    public void evicted() {
        counts.increment(EVICTIONS);
    }

    /** An entry expired. */
    public void expired() {
        counts.increment(EXPIRATIONS);
    }

    /** @return gets so far; read after {@link #misses()} so that gets never lag behind misses. */
    public long gets() {
        return counts.sum(GETS);
    }

    /** @return misses so far. */
    public long misses() {
        return counts.sum(MISSES);
    }

    /** @return evictions by size so far. */
    public long evictions() {
        return counts.sum(EVICTIONS);
    }

    /** @return expirations so far. */
    public long expirations() {
        return counts.sum(EXPIRATIONS);
    }

    /** @return the distinct-key sketch. */
    public DistinctCounter keys() {
        return keys;
    }
}
