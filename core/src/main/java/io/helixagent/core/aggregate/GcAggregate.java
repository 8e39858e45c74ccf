package io.helixagent.core.aggregate;

import io.helixagent.core.stats.SlidingWindow;
import io.helixagent.core.stats.WindowedCount;
import io.helixagent.core.stats.WindowedGauge;

/**
 * Garbage collection per one-second slot: pauses as the JFR stream reports them (exact, per collection), and
 * time in collections as the collectors' MXBeans count it (always there, coarser). Keeps
 * {@link #HISTORY_SECONDS}; owned by the pipeline thread.
 */
public final class GcAggregate {
    /** Seconds of history: the longest detector window. */
    public static final int HISTORY_SECONDS = 60;

    private final SlidingWindow window = new SlidingWindow(HISTORY_SECONDS);
    private final WindowedCount pauseNanos = new WindowedCount(window);
    private final WindowedCount collections = new WindowedCount(window);
    private final WindowedCount collectorMillis = new WindowedCount(window);
    private final WindowedGauge longestPauseNanos = new WindowedGauge(window);
    private long longestPauseEverNanos;
    private long heapAfterLastGcBytes = -1;
    private long lastCollectorMillis = -1;
    private boolean fromJfr;

    /** A collection reported by JFR. */
    public void onCollection(final long sumOfPausesNanos, final long longestNanos) {
        fromJfr = true;
        collections.add(1);
        pauseNanos.add(Math.max(0, sumOfPausesNanos));
        longestPauseNanos.raise(longestNanos);
        longestPauseEverNanos = Math.max(longestPauseEverNanos, longestNanos);
    }

    /** Heap in use right after a collection, reported by JFR. */
    public void onHeapAfterGc(final long usedBytes) {
        heapAfterLastGcBytes = usedBytes;
    }

    /** The collectors' MXBean total time in collections, sampled at each tick. */
    public void onCollectorTime(final long totalMillis) {
        if (lastCollectorMillis >= 0) {
            collectorMillis.add(Math.max(0, totalMillis - lastCollectorMillis));
        }
        lastCollectorMillis = totalMillis;
    }

    /** Starts the next slot. */
    public void rotate() {
        window.rotate();
        pauseNanos.clearCurrent();
        collections.clearCurrent();
        collectorMillis.clearCurrent();
        longestPauseNanos.clearCurrent();
    }

    /** @return seconds of history available. */
    public int filledSeconds() {
        return window.filled();
    }

    /** @return true once JFR has reported a collection: pause figures are then exact. */
    public boolean fromJfr() {
        return fromJfr;
    }

    /** @return time the application stood still for collections in the newest {@code seconds}, ns. */
    public long pausedNanos(final int seconds) {
        return fromJfr ? pauseNanos.sum(seconds) : collectorMillis.sum(seconds) * 1_000_000L;
    }

    /** @return collections reported by JFR in the newest {@code seconds}. */
    public long collections(final int seconds) {
        return collections.sum(seconds);
    }

    /** @return the longest single pause in the newest {@code seconds}, ns, or 0 without JFR. */
    public long longestPauseNanos(final int seconds) {
        final double max = longestPauseNanos.max(seconds);
        return Double.isNaN(max) ? 0 : (long) max;
    }

    public long pauseTotalNanos() {
        return pauseNanos.total();
    }

    public long longestPauseEverNanos() {
        return longestPauseEverNanos;
    }

    /** @return heap used after the latest collection JFR reported, or -1 before the first. */
    public long heapAfterLastGcBytes() {
        return heapAfterLastGcBytes;
    }
}
