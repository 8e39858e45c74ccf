package io.helixagent.core.stats;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A few monotonic counters that many host threads increment and one reader sums, for events too frequent to
 * send through the ring buffer one record each (cache hits).
 *
 * <h2>Design</h2>
 * Each counter is split into {@value #STRIPES} stripes; a thread adds to the stripe chosen by its id, so
 * threads rarely write the same cache line, and a reader sums the stripes. A stripe's counters share one
 * 64-byte line ({@value #LINE_LONGS} longs), so a thread touches one line whatever it counts, and a line of
 * padding at each end keeps the array header and neighbouring objects off the stripes. Unlike
 * {@code LongAdder}, nothing is allocated on contention: the array is sized once.
 * <p>
 * An increment is one uncontended atomic add (about 5 ns); {@link #sum} reads every stripe (a reader sees each
 * stripe's latest value, so a sum taken while threads count may miss increments in flight, never invent any).
 */
public final class StripedCounters {
    /** Stripes per counter: a power of two; threads beyond it share stripes, which costs time, not accuracy. */
    static final int STRIPES = 16;
    /** Longs per stripe: one 64-byte cache line, so at most this many counters. */
    static final int LINE_LONGS = 8;
    private static final int STRIPE_MASK = STRIPES - 1;

    private final AtomicLongArray cells = new AtomicLongArray((STRIPES + 2) * LINE_LONGS);
    private final int counters;

    /** @param counters how many counters, 1 to {@value #LINE_LONGS}. */
    public StripedCounters(final int counters) {
        if (counters < 1 || counters > LINE_LONGS) {
            throw new IllegalArgumentException("counters must be 1 to " + LINE_LONGS + ": " + counters);
        }
        this.counters = counters;
    }

    /** Adds one to {@code counter}; any thread, no allocation, no lock. */
    public void increment(final int counter) {
        final int stripe = (int) Thread.currentThread().getId() & STRIPE_MASK;
        cells.getAndIncrement((stripe + 1) * LINE_LONGS + counter);
    }

    /** @return the sum of {@code counter} over every stripe. */
    public long sum(final int counter) {
        if (counter < 0 || counter >= counters) {
            throw new IndexOutOfBoundsException(counter);
        }
        long sum = 0;
        for (int stripe = 1; stripe <= STRIPES; stripe++) {
            sum += cells.get(stripe * LINE_LONGS + counter);
        }
        return sum;
    }
}
