package io.helixagent.core.stats;

/** A count per slot of a {@link SlidingWindow}, plus the all-time total. */
public final class WindowedCount {
    private final SlidingWindow window;
    private final long[] counts;
    private long total;

    /** @param window the window whose slots this count follows. */
    public WindowedCount(final SlidingWindow window) {
        this.window = window;
        this.counts = new long[window.slots()];
    }

    /** Adds to the current slot. */
    public void add(final long n) {
        counts[window.current()] += n;
        total += n;
    }

    /** @return the sum of the newest {@code n} slots (capped at the history available). */
    public long sum(final int n) {
        long sum = 0;
        final int m = Math.min(n, window.filled());
        for (int back = 0; back < m; back++) {
            sum += counts[window.slotBefore(back)];
        }
        return sum;
    }

    /** @return the all-time total. */
    public long total() {
        return total;
    }

    /** Clears the current slot; call after {@link SlidingWindow#rotate()}. */
    public void clearCurrent() {
        counts[window.current()] = 0;
    }
}
