package io.helixagent.core.stats;

/**
 * The clock of a set of windowed metrics: a ring of one-tick slots. The newest slot receives data until the
 * next {@link #rotate}; reads cover the newest {@code n} slots. Single-threaded (the pipeline thread).
 */
public final class SlidingWindow {
    private final int slots;
    private int current;
    private long rotations;

    /** @param slots how many ticks the window remembers, at least 1. */
    public SlidingWindow(final int slots) {
        if (slots < 1) {
            throw new IllegalArgumentException("slots must be >= 1: " + slots);
        }
        this.slots = slots;
    }

    /** @return the number of slots. */
    public int slots() {
        return slots;
    }

    /** @return the index of the slot receiving data now. */
    public int current() {
        return current;
    }

    /** @return how many slots have completed since creation (caps window reads while history is short). */
    public int filled() {
        return (int) Math.min(slots, rotations + 1);
    }

    /** Moves to the next slot; the caller clears its metrics at {@link #current()}. */
    public void rotate() {
        current = (current + 1) % slots;
        rotations++;
    }

    /** @return the slot index {@code back} ticks before the current one. */
    public int slotBefore(final int back) {
        return Math.floorMod(current - back, slots);
    }
}
