package io.helixagent.core.aggregate;

import io.helixagent.core.stats.SlidingWindow;
import io.helixagent.core.stats.WindowedCount;
import io.helixagent.core.stats.WindowedGauge;
import io.helixagent.core.stats.WindowedHistogram;
import io.helixagent.core.subject.Subject;

/**
 * What the pipeline knows about one cache, per one-second slot: gets, misses, evictions and expirations moved
 * over from the probes' {@link CacheCounters} at each tick, loads from records, and the size and configured limits
 * sampled from the live cache. Owned by the pipeline thread; the totals that metrics read are safe from any thread.
 */
public final class CacheAggregate {
    /** Capacity of a cache without a size bound. */
    public static final long UNBOUNDED = -1;
    /** Capacity, size or expiry the library does not tell. */
    public static final long UNKNOWN = -2;
    /** Expiry of a cache whose entries do not expire. */
    public static final long NO_EXPIRY = -1;
    /** Seconds the hit-ratio gauge covers, as reports do. */
    static final int RATIO_SECONDS = 10;
    /** Seconds between rotations of the distinct-key sketch: estimates cover the last 5 to 10 seconds. */
    static final int KEY_PERIOD_SECONDS = 5;

    private final Subject subject;
    private final CacheCounters counters;
    private final String library;
    private final SlidingWindow window;
    private final WindowedCount gets;
    private final WindowedCount misses;
    private final WindowedCount evictions;
    private final WindowedCount expirations;
    private final WindowedCount loads;
    private final WindowedCount loadFailures;
    private final WindowedHistogram loadNanos;
    private final WindowedGauge size;
    private volatile long capacity = UNKNOWN;
    private volatile boolean weighted;
    private volatile long expireAfterWriteNanos = UNKNOWN;
    private volatile long expireAfterAccessNanos = UNKNOWN;
    private volatile long latestSize = UNKNOWN;
    private volatile long loadsTotal;
    private volatile long loadFailuresTotal;
    private volatile long loadNanosTotal;
    private volatile double hitRatio = Double.NaN;
    private long seenGets;
    private long seenMisses;
    private long seenEvictions;
    private long seenExpirations;
    private int keySeconds;
    private long distinctKeys = -1;

    /**
     * @param subject  the cache.
     * @param counters what the probes count for it.
     * @param library  the library's name, such as {@code Caffeine}.
     * @param slots    seconds of history to keep, at least {@code 2 x KEY_PERIOD_SECONDS}.
     */
    public CacheAggregate(final Subject subject, final CacheCounters counters, final String library,
                          final int slots) {
        this.subject = subject;
        this.counters = counters;
        this.library = library;
        this.window = new SlidingWindow(Math.max(slots, 2 * KEY_PERIOD_SECONDS));
        this.gets = new WindowedCount(window);
        this.misses = new WindowedCount(window);
        this.evictions = new WindowedCount(window);
        this.expirations = new WindowedCount(window);
        this.loads = new WindowedCount(window);
        this.loadFailures = new WindowedCount(window);
        this.loadNanos = new WindowedHistogram(window);
        this.size = new WindowedGauge(window);
    }

    /** Moves what the probes counted since the last tick (or since the cache was created) into the current slot. */
    public void collectCounters() {
        final long missesNow = counters.misses();
        final long getsNow = Math.max(counters.gets(), missesNow);
        final long evictionsNow = counters.evictions();
        final long expirationsNow = counters.expirations();
        gets.add(getsNow - seenGets);
        misses.add(missesNow - seenMisses);
        evictions.add(evictionsNow - seenEvictions);
        expirations.add(expirationsNow - seenExpirations);
        seenGets = getsNow;
        seenMisses = missesNow;
        seenEvictions = evictionsNow;
        seenExpirations = expirationsNow;
        final long windowGets = gets.sum(RATIO_SECONDS);
        hitRatio = windowGets == 0 ? Double.NaN : 1.0 - (double) misses.sum(RATIO_SECONDS) / windowGets;
    }

    /** A miss that loaded, with the load's duration; {@code failed} when it threw or produced nothing. */
    public void onLoad(final long nanos, final boolean failed) {
        loads.add(1);
        loadNanos.recordNanos(nanos);
        loadNanosTotal += nanos;
        loadsTotal++;
        if (failed) {
            loadFailures.add(1);
            loadFailuresTotal++;
        }
    }

    /**
     * Records the cache's state for the current slot.
     *
     * @param entries       entries (or total weight, when weighted) now, or {@link #UNKNOWN}.
     * @param maximum       the configured maximum size or weight, {@link #UNBOUNDED} or {@link #UNKNOWN}.
     * @param byWeight      true when the maximum is a weight, not an entry count.
     * @param afterWriteNs  expire-after-write in ns, {@link #NO_EXPIRY} or {@link #UNKNOWN}.
     * @param afterAccessNs expire-after-access in ns, {@link #NO_EXPIRY} or {@link #UNKNOWN}.
     */
    public void onSample(final long entries, final long maximum, final boolean byWeight, final long afterWriteNs,
                         final long afterAccessNs) {
        if (entries >= 0) {
            size.set(entries);
        }
        latestSize = entries;
        capacity = maximum;
        weighted = byWeight;
        expireAfterWriteNanos = afterWriteNs;
        expireAfterAccessNanos = afterAccessNs;
    }

    /** Starts the next slot, and every {@value #KEY_PERIOD_SECONDS} seconds the next sketch period. */
    public void rotate() {
        window.rotate();
        gets.clearCurrent();
        misses.clearCurrent();
        evictions.clearCurrent();
        expirations.clearCurrent();
        loads.clearCurrent();
        loadFailures.clearCurrent();
        loadNanos.clearCurrent();
        size.clearCurrent();
        distinctKeys = -1;
        if (++keySeconds == KEY_PERIOD_SECONDS) {
            keySeconds = 0;
            counters.keys().rotate();
        }
    }

    /** @return the estimated distinct keys asked for during the last {@link #distinctKeySeconds()} seconds. */
    public long distinctKeys() {
        if (distinctKeys < 0) {
            distinctKeys = counters.keys().estimate();
        }
        return distinctKeys;
    }

    /** @return how many seconds {@link #distinctKeys()} covers: the current sketch period and the previous one. */
    public int distinctKeySeconds() {
        return Math.min(window.filled(), KEY_PERIOD_SECONDS + keySeconds + 1);
    }

    public Subject subject() {
        return subject;
    }

    /** @return the probes' counters, whose totals any thread may read. */
    public CacheCounters counters() {
        return counters;
    }

    /** @return the library's name, such as {@code Caffeine}. */
    public String library() {
        return library;
    }

    /** @return seconds of history available, up to the window size. */
    public int filledSeconds() {
        return window.filled();
    }

    public WindowedCount gets() {
        return gets;
    }

    public WindowedCount misses() {
        return misses;
    }

    public WindowedCount evictions() {
        return evictions;
    }

    public WindowedCount expirations() {
        return expirations;
    }

    public WindowedCount loads() {
        return loads;
    }

    public WindowedCount loadFailures() {
        return loadFailures;
    }

    public WindowedHistogram loadNanos() {
        return loadNanos;
    }

    public WindowedGauge size() {
        return size;
    }

    /** @return the latest size, or {@link #UNKNOWN}; any thread. */
    public long latestSize() {
        return latestSize;
    }

    /** @return the configured maximum size or weight, {@link #UNBOUNDED} or {@link #UNKNOWN}. */
    public long capacity() {
        return capacity;
    }

    /** @return true when {@link #capacity()} is a weight. */
    public boolean weighted() {
        return weighted;
    }

    /** @return expire-after-write in ns, {@link #NO_EXPIRY} or {@link #UNKNOWN}. */
    public long expireAfterWriteNanos() {
        return expireAfterWriteNanos;
    }

    /** @return expire-after-access in ns, {@link #NO_EXPIRY} or {@link #UNKNOWN}. */
    public long expireAfterAccessNanos() {
        return expireAfterAccessNanos;
    }

    /** @return the share of gets that hit over the last 10 seconds, NaN without gets; any thread. */
    public double hitRatio() {
        return hitRatio;
    }

    /** @return loads so far; any thread. */
    public long loadsTotal() {
        return loadsTotal;
    }

    /** @return failed loads so far; any thread. */
    public long loadFailuresTotal() {
        return loadFailuresTotal;
    }

    /** @return time spent loading so far, ns; any thread. */
    public long loadNanosTotal() {
        return loadNanosTotal;
    }
}
